export default function Page(_props: { publicOnly?: boolean }) {
  return <h1>MeetingsPage</h1>;
}
