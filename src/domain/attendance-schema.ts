import { z } from 'zod';
import { ATTENDANCE_STATUSES } from './attendance.ts';

/** an attendance status as `public.attendance`'s CHECK constraint allows it */
export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);
