export default function Page(_props: { publicOnly?: boolean }) {
  return <h1>NewPollPage</h1>;
}
