// The English catalogue: one typed file per strings module (see localized.ts).
// `templates` is @lit/localize's locale-module contract; Trackside reads its
// typed catalogues instead of `msg()` ids, so no template is looked up by id.
import { attendance } from './en/attendance.ts';
import { booking } from './en/booking.ts';
import { admin } from './en/admin.ts';
import { adminTitles } from './en/admin-titles.ts';
import { domain } from './en/domain.ts';
import { me } from './en/me.ts';
import { money } from './en/money.ts';
import { roster } from './en/roster.ts';
import { season } from './en/season.ts';
import { shell } from './en/shell.ts';
import { sync } from './en/sync.ts';

export const english = {
  shell,
  roster,
  sync,
  domain,
  me,
  season,
  money,
  attendance,
  booking,
  admin,
  adminTitles,
};

export const templates = {};
