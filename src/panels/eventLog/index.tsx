export { EventLog, ROW_HEIGHT } from './EventLog';
