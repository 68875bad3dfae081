import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  PollAnswer,
  PollStatus,
  type MeetingResponse,
  type PollOptionResponse,
  type PollResponse,
} from '@lcc/contracts';
import { ApiError, api } from '../../api/client';
import { useMember } from '../../api/session';
import { FormError, SelectField, fieldError } from '../../ui/form';
import { useFormat } from '../../ui/format';
import { Async } from '../../ui/states';
import { useApi, useApiMutation } from '../../ui/use-api';
import { useGroupAccess } from './group-access';

const ANSWERS = [PollAnswer.Yes, PollAnswer.IfNeedBe, PollAnswer.No] as const;

export default function PollPage() {
  const { id } = useParams();
  const poll = useApi<PollResponse>(`/polls/${id}`);
  return <Async state={poll}>{(data) => <PollView poll={data} onChange={poll.set} />}</Async>;
}

function PollView({ poll, onChange }: { poll: PollResponse; onChange(poll: PollResponse): void }) {
  const { t } = useTranslation('meetings');
  const member = useMember();
  const format = useFormat();
  const { group, canManage } = useGroupAccess(poll.workingGroupId);
  const open = poll.status === PollStatus.Open;
  const isParticipant = poll.options[0]?.participants.some((p) => p.memberId === member.id) ?? false;
  const day = useMemo(
    () =>
      new Intl.DateTimeFormat(format.language, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: format.timeZone,
      }),
    [format.language, format.timeZone],
  );
  const slotLabel = (option: PollOptionResponse) =>
    `${day.format(new Date(option.startsAt))}, ${format.time(option.startsAt)}–${format.time(option.endsAt)}`;

  return (
    <article className="poll">
      {group.data && (
        <p>
          <Link to={`/groups/${group.data.id}`}>← {group.data.name}</Link>
        </p>
      )}
      <div className="spread">
        <h1>{poll.title}</h1>
        <span className="tag">{t(`pollStatus.${poll.status}`)}</span>
      </div>
      <p className="muted">
        {t('poll.zones', { mine: format.timeZone.replace(/_/g, ' '), organiser: poll.timeZone.replace(/_/g, ' ') })}
      </p>
      {!open && (
        <p className="card" role="status">
          {t('poll.closed')} {poll.meetingId && <Link to={`/meetings/${poll.meetingId}`}>{t('poll.openMeeting')}</Link>}
        </p>
      )}
      {open && poll.deadline && (
        <p className={poll.votingOpen ? 'muted' : 'card'} role={poll.votingOpen ? undefined : 'status'}>
          {t(poll.votingOpen ? 'poll.deadline' : 'poll.deadlinePassed', { date: format.dateTime(poll.deadline) })}
        </p>
      )}
      <p aria-live="polite">
        {poll.notAnswered.length === 0
          ? t('poll.everyoneAnswered')
          : t('poll.notAnswered', {
              count: poll.notAnswered.length,
              names: poll.notAnswered.map((person) => person.displayName).join(', '),
            })}
      </p>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t('poll.counts')}</h2>
        <div className="table-scroll card">
          <table>
            <caption className="visually-hidden">{t('poll.countsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('poll.slotColumn')}</th>
                {ANSWERS.map((answer) => (
                  <th scope="col" key={answer} className="number">
                    {t(`answer.${answer}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {poll.options.map((option, index) => (
                <tr key={option.id} className={option.id === poll.bestOptionId ? 'best' : undefined}>
                  <th scope="row">
                    {t('poll.slotNumber', { number: index + 1 })}: {slotLabel(option)}
                    {option.id === poll.bestOptionId && <span className="tag ok">{t('poll.best')}</span>}
                  </th>
                  {ANSWERS.map((answer) => (
                    <td key={answer} className="number">
                      {format.number(option.counts[answer])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {poll.votingOpen && isParticipant && <VoteForm poll={poll} slotLabel={slotLabel} onChange={onChange} />}

      <section aria-labelledby="analysis-heading">
        <h2 id="analysis-heading">{t('poll.analysis')}</h2>
        <p className="muted">{t('poll.analysisHint')}</p>
        <AnswerGrid poll={poll} />
      </section>

      {open && canManage && <CloseForm poll={poll} slotLabel={slotLabel} />}
    </article>
  );
}

const ANSWER_MARK: Record<PollAnswer, string> = { yes: '✓', if_need_be: '(✓)', no: '✗' };

/**
 * Everyone's answers in one grid: a row per member, a column per time (earliest first, the best one marked), each
 * cell the answer and the member's local time, flagged when it is off-hours, a weekend or a holiday there. The
 * member column stays in view while the grid scrolls sideways on a phone.
 */
function AnswerGrid({ poll }: { poll: PollResponse }) {
  const { t } = useTranslation('meetings');
  const format = useFormat();
  const people = poll.options[0]?.participants ?? [];
  // One formatter per zone, not per cell.
  const inZone = useMemo(() => {
    const formatters = new Map<string, Intl.DateTimeFormat>();
    return (iso: string, zone: string) => {
      let formatter = formatters.get(zone);
      if (!formatter) {
        formatter = new Intl.DateTimeFormat(format.language, {
          weekday: 'short',
          hour: '2-digit',
          minute: '2-digit',
          timeZone: zone,
        });
        formatters.set(zone, formatter);
      }
      return formatter.format(new Date(iso));
    };
  }, [format.language]);
  return (
    <div className="table-scroll card">
      <table className="answer-grid">
        <caption className="visually-hidden">{t('poll.gridCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('localTimes.person')}</th>
            {poll.options.map((option, index) => (
              <th scope="col" key={option.id} className={option.id === poll.bestOptionId ? 'best' : undefined}>
                {t('poll.slotNumber', { number: index + 1 })}
                <div className="muted">{format.weekday(option.startsAt)}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.memberId}>
              <th scope="row">
                {person.displayName}
                <div className="muted">{format.country(person.country)}</div>
              </th>
              {poll.options.map((option) => {
                const cell = option.participants.find((other) => other.memberId === person.memberId)!;
                const local = inZone(option.startsAt, cell.local.timeZone);
                const flags = [
                  cell.offHours && t('localTimes.offHours'),
                  cell.weekend && t('localTimes.weekend'),
                  cell.holiday && t('localTimes.holiday', { name: cell.holiday.name }),
                ].filter((flag): flag is string => Boolean(flag));
                return (
                  <td
                    key={option.id}
                    className={[`answer-${cell.answer ?? 'none'}`, option.id === poll.bestOptionId ? 'best' : '']
                      .join(' ')
                      .trim()}
                  >
                    <span role="img" aria-label={cell.answer ? t(`answer.${cell.answer}`) : t('answer.none')}>
                      {cell.answer ? ANSWER_MARK[cell.answer] : '–'}
                    </span>
                    <div
                      className={flags.length ? 'tag flag' : 'muted'}
                      title={[cell.local.timeZone, ...flags].join(' · ')}
                    >
                      {local}
                      {flags.length > 0 && <span className="visually-hidden"> ({flags.join(', ')})</span>}
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VoteForm({
  poll,
  slotLabel,
  onChange,
}: {
  poll: PollResponse;
  slotLabel(option: PollOptionResponse): string;
  onChange(poll: PollResponse): void;
}) {
  const { t } = useTranslation('meetings');
  const [draft, setDraft] = useState<Record<string, PollAnswer>>({});
  // Checked here before anything is sent.
  const [noVotes, setNoVotes] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  // The answer is the poll's new state (it replaces the cached one); the group's list of open polls says who answered.
  const vote = useApiMutation(
    (votes: { optionId: string; answer: PollAnswer }[]) =>
      api<PollResponse>(`/polls/${poll.id}/votes`, { method: 'PUT', body: { votes } }),
    { invalidates: [`/working-groups/${poll.workingGroupId}/polls`], onSuccess: onChange },
  );
  const error = noVotes ?? vote.error;
  const busy = vote.pending;
  const answerOf = (optionId: string) =>
    draft[optionId] ?? poll.myVotes.find((vote) => vote.optionId === optionId)?.answer;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const votes = poll.options.flatMap((option) => {
      const answer = answerOf(option.id);
      return answer ? [{ optionId: option.id, answer }] : [];
    });
    setNoVotes(undefined);
    setSaved(false);
    if (votes.length === 0) {
      vote.reset();
      setNoVotes(new ApiError(400, 'NO_VOTES', t('vote.pickOne')));
      return;
    }
    if (!(await vote.run(votes))) return;
    setDraft({});
    setSaved(true);
  }

  return (
    <section aria-labelledby="vote-heading">
      <h2 id="vote-heading">{t('vote.title')}</h2>
      <form className="card" onSubmit={(event) => void submit(event)}>
        {poll.options.map((option, index) => (
          <fieldset key={option.id} className="vote-slot">
            <legend>
              {t('poll.slotNumber', { number: index + 1 })}: {slotLabel(option)}
            </legend>
            <div className="row">
              {ANSWERS.map((answer) => (
                <label key={answer} className="choice">
                  <input
                    type="radio"
                    name={`vote-${option.id}`}
                    value={answer}
                    checked={answerOf(option.id) === answer}
                    onChange={() => setDraft((all) => ({ ...all, [option.id]: answer }))}
                  />{' '}
                  {t(`answer.${answer}`)}
                </label>
              ))}
            </div>
            {fieldError(error, `votes[${index}].answer`) && (
              <small className="field-error">{fieldError(error, `votes[${index}].answer`)}</small>
            )}
          </fieldset>
        ))}
        <FormError error={error} />
        <div className="row">
          <button type="submit" disabled={busy}>
            {t('vote.submit')}
          </button>
          {saved && (
            <span role="status" className="muted">
              {t('vote.saved')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

function CloseForm({ poll, slotLabel }: { poll: PollResponse; slotLabel(option: PollOptionResponse): string }) {
  const { t } = useTranslation('meetings');
  const navigate = useNavigate();
  const [optionId, setOptionId] = useState(poll.bestOptionId ?? poll.options[0]?.id ?? '');
  // Closing settles the poll and schedules a meeting: the poll, the meeting lists and the group's page change.
  const close = useApiMutation(
    (chosen: string) => api<MeetingResponse>(`/polls/${poll.id}/close`, { method: 'POST', body: { optionId: chosen } }),
    {
      invalidates: [`/polls/${poll.id}`, '/meetings', `/working-groups/${poll.workingGroupId}`],
      onSuccess: (meeting) => navigate(`/meetings/${meeting.id}`),
    },
  );
  const { error, pending: busy } = close;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void close.run(optionId);
  }

  return (
    <section aria-labelledby="close-heading">
      <h2 id="close-heading">{t('close.title')}</h2>
      <form className="card" onSubmit={submit}>
        <p className="muted">{t('close.hint')}</p>
        <SelectField
          label={t('close.slot')}
          name="optionId"
          value={optionId}
          onChange={(event) => setOptionId(event.target.value)}
          options={poll.options.map((option, index) => ({
            value: option.id,
            label: `${t('poll.slotNumber', { number: index + 1 })}: ${slotLabel(option)} (${t('answer.yes')} ${option.counts.yes})`,
          }))}
          error={fieldError(error, 'optionId')}
        />
        <FormError error={error} />
        <button type="submit" disabled={busy || !optionId}>
          {t('close.submit')}
        </button>
      </form>
    </section>
  );
}
