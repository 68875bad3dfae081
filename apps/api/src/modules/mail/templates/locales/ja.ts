import type { MailStrings } from './strings.js';

export const ja: MailStrings = {
  common: {
    greeting: '{name} 様',
    greetingAnonymous: 'こんにちは。',
    signature: '低炭素都市パートナーシップ・ポータル',
    linkFallback: 'ボタンが機能しない場合は、次のアドレスをブラウザーにコピーしてください：',
  },
  roles: { admin: '管理者', coordinator: 'コーディネーター', member: 'メンバー', observer: 'オブザーバー' },
  invitation: {
    subject: '{inviter}さんから低炭素都市パートナーシップ・ポータルへの招待',
    intro:
      '{inviter}さんが、北東アジア低炭素都市パートナーシップ・ネットワークのポータルに{role}として参加するようあなたを招待しています。',
    action: '招待を受ける',
    expires: 'この招待は{expiresAt}まで有効です。',
    footer:
      'このメールは、{inviter}さんが{email}を低炭素都市パートナーシップ・ポータルに招待したため送信されました。心当たりがない場合は無視してください。',
  },
  emailConfirmation: {
    subject: 'メールアドレスの確認',
    intro:
      '低炭素都市パートナーシップ・ポータルにご登録いただきありがとうございます。このアドレスがあなたのものであることを確認してください。',
    action: 'アドレスを確認する',
    expires: 'このリンクは{expiresAt}まで有効です。',
    footer:
      'このメールは、{email}が低炭素都市パートナーシップ・ポータルへの登録に使われたため送信されました。心当たりがない場合は無視してください。',
  },
  registrationPending: {
    subject: '{name}さんが登録し、承認を待っています',
    intro:
      '{name}さん（{organization}、{country}）が{email}で登録し、コーディネーターによるアカウントの承認を待っています。',
    action: '登録を確認する',
    footer:
      'このメールは、あなたが低炭素都市パートナーシップ・ネットワークのコーディネーターであるため送信されました。',
  },
  registrationRejected: {
    subject: 'LCCパートナーシップ・ポータルへのご登録について',
    intro:
      '低炭素都市パートナーシップ・ネットワークにご関心をお寄せいただき、ありがとうございます。ご登録は承認されませんでした。',
    reason: '理由：{reason}',
    footer: 'このメールは、{email}がLCCパートナーシップ・ポータルへの登録に使用されたため送信されました。',
  },
  passwordReset: {
    subject: 'パスワードの再設定',
    intro:
      'あなたのアカウントのパスワード再設定が要求されました。下のリンクから新しいパスワードを設定してください。設定すると、すべての端末でサインアウトされます。',
    action: '新しいパスワードを設定する',
    expires: 'このリンクは一度だけ、{expiresAt}まで使えます。',
    footer:
      'このメールは、{email}のパスワード再設定が要求されたため送信されました。心当たりがない場合は無視してください。パスワードは変わりません。',
  },
  meeting: {
    requestSubject: '会議への招待：{title}',
    requestIntro: '{organizer}さんが{group}の会議にあなたを招待しています。',
    updateSubject: '会議の変更：{title}',
    updateIntro: '{group}の会議が変更されました。添付の招待でカレンダーが更新されます。',
    cancelSubject: '会議の中止：{title}',
    cancelIntro: '{group}の会議が中止されました。添付の通知でカレンダーから削除されます。',
    reminder24hSubject: 'リマインダー：{title}は24時間後に始まります',
    reminder1hSubject: 'リマインダー：{title}は1時間後に始まります',
    reminderIntro: 'あなたが参加する{group}の会議がまもなく始まります。',
    action: '会議を開く',
    when: '日時',
    where: '場所',
    online: 'オンライン',
    timeZoneNote: '時刻はあなたのタイムゾーン（{zone}）で表示しています。',
    footer: 'このメールは、あなたが低炭素都市パートナーシップ・ポータルでこの会議に招待されているため送信されました。',
    reminderFooter:
      'このリマインダーは、あなたが低炭素都市パートナーシップ・ポータルでこの会議への参加を承諾したため送信されました。',
  },
  notification: {
    kinds: {
      mentions: 'メンション',
      direct_messages: 'ダイレクトメッセージ',
      meetings: '会議',
      group_requests: 'グループへの参加申請',
      documents: '文書',
      digest: '日次まとめ',
    },
    mention: '{actor}さんが{room}であなたをメンションしました',
    mentionDirect: '{actor}さんがダイレクトメッセージであなたをメンションしました',
    roomMention: '{actor}さんが{room}の全員をメンションしました',
    groupJoinRequested: '{actor}さんが{group}への参加を申請しています',
    groupJoined: '{group}のメンバーになりました',
    directMessage: '{actor}さんからダイレクトメッセージが届きました',
    documentAdded: '{actor}さんが{group}に{document}を追加しました',
    registrationPending: '{actor}さんが登録し、承認を待っています',
    meetingInvited: '{meeting}（{group}）に招待されました',
    meetingUpdated: '{meeting}（{group}）が変更されました',
    meetingCancelled: '{meeting}（{group}）は中止になりました',
    meetingMinutes: '{meeting}（{group}）の議事録が更新されました',
    actionItemAssigned: '{actor}さんが{meeting}（{group}）のアクションアイテムをあなたに割り当てました',
    actionItemDue: '{meeting}（{group}）のあなたのアクションアイテムは今日が期限です',
    pollOpened: '{actor}さんが{group}で日程調整の投票を始めました',
    pollReminder: '{group}の投票が1日以内に締め切られます。まだ回答していません',
    other: 'ポータルに新しいお知らせがあります',
    action: 'ポータルで開く',
    held: 'この通知はおやすみ時間（{start}–{end}）中に届いたため、終了後にお送りしています。',
    footer:
      '「{kind}」をすぐにメールで受け取る設定にしているため、このメールをお送りしています。通知設定で変更するか、ワンクリックで配信を停止できます。',
    digestSubject: 'LCC パートナーシップ・ポータル 日次まとめ（{count}）',
    digestIntro: '前回のまとめ以降、{until}（{zone}）までにポータルであなたに関係したこと：',
    digestFooter:
      '「{kinds}」を毎日 {hour} にメールでまとめて受け取る設定にしているため、このまとめをお送りしています。通知設定で変更するか、ワンクリックで日次まとめを停止できます。',
    settings: '通知設定',
    unsubscribe: '配信停止',
  },
  unsubscribePage: {
    title: 'メール通知',
    confirm: '{email} への「{kind}」のメールを停止しますか？',
    button: '配信停止',
    done: '完了：{email} には「{kind}」のメールをお送りしません。',
    invalid: 'この配信停止リンクは無効です。',
    settings: '通知設定を開く',
  },
};
