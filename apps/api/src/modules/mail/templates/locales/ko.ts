import type { MailStrings } from './strings.js';

export const ko: MailStrings = {
  common: {
    greeting: '{name}님, 안녕하세요.',
    greetingAnonymous: '안녕하세요.',
    signature: '저탄소도시 파트너십 포털',
    linkFallback: '버튼이 작동하지 않으면 다음 주소를 브라우저에 복사하세요:',
  },
  roles: { admin: '관리자', coordinator: '코디네이터', member: '회원', observer: '옵서버' },
  invitation: {
    subject: '{inviter}님이 저탄소도시 파트너십 포털에 초대했습니다',
    intro: '{inviter}님이 동북아 저탄소도시 파트너십 네트워크 포털에 {role}(으)로 참여하도록 초대했습니다.',
    action: '초대 수락',
    expires: '초대는 {expiresAt}까지 유효합니다.',
    footer:
      '{inviter}님이 {email} 주소를 저탄소도시 파트너십 포털에 초대했기 때문에 이 메일을 받으셨습니다. 예상하지 못한 메일이라면 무시하셔도 됩니다.',
  },
  emailConfirmation: {
    subject: '이메일 주소를 확인해 주세요',
    intro: '저탄소도시 파트너십 포털에 가입해 주셔서 감사합니다. 이 주소가 본인의 것인지 확인해 주세요.',
    action: '주소 확인',
    expires: '링크는 {expiresAt}까지 유효합니다.',
    footer:
      '{email} 주소로 저탄소도시 파트너십 포털에 가입했기 때문에 이 메일을 받으셨습니다. 본인이 아니라면 무시하세요.',
  },
  registrationPending: {
    subject: '{name}님이 가입하여 승인을 기다리고 있습니다',
    intro: '{name}님({organization}, {country})이 {email} 주소로 가입하여 코디네이터의 계정 승인을 기다리고 있습니다.',
    action: '가입 신청 검토',
    footer: '귀하가 저탄소도시 파트너십 네트워크의 코디네이터이기 때문에 이 메일을 받으셨습니다.',
  },
  passwordReset: {
    subject: '비밀번호 재설정',
    intro:
      '귀하의 계정 비밀번호 재설정이 요청되었습니다. 아래 링크에서 새 비밀번호를 설정하세요. 설정하면 모든 기기에서 로그아웃됩니다.',
    action: '새 비밀번호 설정',
    expires: '링크는 한 번만, {expiresAt}까지 사용할 수 있습니다.',
    footer:
      '{email}에 대한 비밀번호 재설정이 요청되어 이 메일을 받으셨습니다. 본인이 아니라면 무시하세요. 비밀번호는 바뀌지 않습니다.',
  },
  meeting: {
    requestSubject: '회의 초대: {title}',
    requestIntro: '{organizer}님이 {group} 회의에 초대했습니다.',
    updateSubject: '회의 변경: {title}',
    updateIntro: '{group} 회의가 변경되었습니다. 첨부된 초대가 캘린더를 업데이트합니다.',
    cancelSubject: '회의 취소: {title}',
    cancelIntro: '{group} 회의가 취소되었습니다. 첨부된 알림이 캘린더에서 회의를 삭제합니다.',
    reminder24hSubject: '알림: {title} 회의가 24시간 후에 시작됩니다',
    reminder1hSubject: '알림: {title} 회의가 1시간 후에 시작됩니다',
    reminderIntro: '참석하시는 {group} 회의가 곧 시작됩니다.',
    action: '회의 열기',
    when: '일시',
    where: '장소',
    online: '온라인',
    timeZoneNote: '시간은 귀하의 시간대({zone})로 표시됩니다.',
    footer: '저탄소도시 파트너십 포털에서 이 회의에 초대되었기 때문에 이 메일을 받으셨습니다.',
    reminderFooter: '저탄소도시 파트너십 포털에서 이 회의 참석을 수락했기 때문에 이 알림을 받으셨습니다.',
  },
  notification: {
    kinds: {
      mentions: '멘션',
      direct_messages: '개인 메시지',
      meetings: '회의',
      group_requests: '그룹 가입 요청',
      documents: '문서',
      digest: '일일 요약',
    },
    mention: '{actor}님이 {room}에서 회원님을 언급했습니다',
    mentionDirect: '{actor}님이 개인 대화에서 회원님을 언급했습니다',
    roomMention: '{actor} 님이 {room}의 모든 사람을 언급했습니다',
    groupJoinRequested: '{actor}님이 {group} 가입을 요청했습니다',
    groupJoined: '{group}의 회원이 되었습니다',
    meetingInvited: '{meeting}({group})에 초대되었습니다',
    meetingUpdated: '{meeting}({group})이(가) 변경되었습니다',
    meetingCancelled: '{meeting}({group})이(가) 취소되었습니다',
    meetingMinutes: '{meeting}({group}) 회의록이 올라왔습니다',
    other: '포털에 새 소식이 있습니다',
    action: '포털에서 열기',
    held: '이 알림은 방해 금지 시간({start}–{end})에 도착하여 그 시간이 끝난 뒤 보내 드립니다.',
    footer:
      "'{kind}' 알림을 즉시 이메일로 받도록 선택하셨기 때문에 이 이메일을 받으셨습니다. 알림 설정에서 바꾸거나 한 번의 클릭으로 수신을 중단할 수 있습니다.",
    digestSubject: 'LCC 파트너십 포털 일일 요약 ({count})',
    digestIntro: '지난 요약 이후 {until}({zone})까지 포털에서 회원님과 관련된 소식:',
    digestFooter:
      "'{kinds}' 알림을 매일 {hour}에 이메일로 받도록 선택하셨기 때문에 이 요약을 받으셨습니다. 알림 설정에서 바꾸거나 한 번의 클릭으로 일일 요약을 중단할 수 있습니다.",
    settings: '알림 설정',
    unsubscribe: '수신 거부',
  },
  unsubscribePage: {
    title: '이메일 알림',
    confirm: "{email}(으)로 '{kind}' 이메일 발송을 중단할까요?",
    button: '수신 거부',
    done: "완료: {email}(으)로 더 이상 '{kind}' 이메일을 보내지 않습니다.",
    invalid: '이 수신 거부 링크는 유효하지 않습니다.',
    settings: '알림 설정 열기',
  },
};
