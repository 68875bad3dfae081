// The class moved to common/events (see there); this path stays for the listeners that still import it.
export { MeetingChangedEvent } from '../../../common/events/meeting-changed.event.js';
