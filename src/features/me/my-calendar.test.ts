import { describe, expect, it } from 'vitest';
import { calendarEvents } from './my-calendar.ts';
import type { MyAthlete, MySession } from './my-athlete-data.ts';

const session = (over: Partial<MySession>): MySession => ({
  id: 's1',
  startsAt: 1_796_650_800_000,
  endsAt: 1_796_656_200_000,
  title: null,
  room: 'Манеж',
  cancelled: false,
  coachName: 'Игорь Волков',
  ...over,
});

const athlete = (sessions: MySession[], over: Partial<MyAthlete> = {}): MyAthlete => ({
  id: 'a1',
  name: 'Петров Иван',
  orgName: 'Клуб «Старт»',
  timeZone: 'Europe/Moscow',
  season: '2026-2027',
  schedule: 'Пн 18:00',
  rankStart: null,
  rankEnd: null,
  groupName: 'Начинающие',
  coachNames: ['Игорь Волков'],
  history: [],
  sessions,
  ...over,
});

describe('calendarEvents', () => {
  it('names a session by its title, else the group, and keeps the coach and club', () => {
    const [own, titled] = calendarEvents([
      athlete([session({}), session({ id: 's2', title: 'Кросс в парке', coachName: null })]),
    ]);
    expect(own).toMatchObject({
      uid: 'training-session-s1@trackside',
      summary: 'Тренировка: Начинающие',
      location: 'Манеж',
      description: 'Клуб «Старт»\nТренер: Игорь Волков',
      status: 'CONFIRMED',
    });
    expect(titled).toMatchObject({
      summary: 'Тренировка: Кросс в парке',
      description: 'Клуб «Старт»',
    });
  });

  it('keeps a cancelled session as cancelled, lists a session once and skips empty ones', () => {
    const events = calendarEvents([
      athlete([session({ cancelled: true }), session({ id: 's3', endsAt: 1_796_650_800_000 })]),
      athlete([session({ cancelled: true })], { id: 'a2', groupName: null }),
    ]);
    expect(events.map((e) => [e.uid, e.status])).toEqual([
      ['training-session-s1@trackside', 'CANCELLED'],
    ]);
  });

  it('says "Тренировка" when there is neither a title nor a group', () => {
    expect(calendarEvents([athlete([session({})], { groupName: null })])[0]?.summary).toBe(
      'Тренировка',
    );
  });
});
