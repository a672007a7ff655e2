/**
 * A guest books the demo coach's free trial from the public page at 360 px, in
 * Russian and English (issue 14): opens /volkov/book, picks «Пробная
 * тренировка» and a time, confirms with a name and an email, lands on the
 * manage page; opening the link again (as a mail scanner does: HEAD and two
 * GETs) changes nothing; moves the booking (same id) and cancels it. Once with
 * JavaScript off. The coach then sees the guest's name in the calendar. Which
 * times are open is read from the database (public_slots), never assumed.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { phone, seriousViolations, shots } from './page-helpers.ts';

const coach = 'd0000000-0000-4000-8000-000000000002';
const trial = 'da000000-0000-4000-8000-000000000001';

const e2e = useE2eStack();

/**
 * The first open start of the trial past the coach's cancellation window (so it
 * can still be moved and cancelled), as public_slots writes it, optionally after
 * another one.
 */
async function openSlot(after?: string): Promise<string> {
  const rows = await e2e.app.rows<{ s: string | null }>(
    `select e as s
       from public.coach_settings cs,
            jsonb_array_elements_text(public.public_slots('volkov', $1,
              greatest(now() + make_interval(mins => cs.cancellation_window_minutes + 60),
                       coalesce($3::timestamptz + interval '1 minute', now())),
              now() + interval '21 days') -> 'slots') e
      where cs.coach_id = $2 and cs.deleted_at is null
      limit 1`,
    [trial, coach, after ?? null],
  );
  const s = rows[0]?.s;
  if (!s) throw new Error('the demo coach has no open time for the trial');
  return s;
}

async function bookingRow(id: string) {
  const rows = await e2e.app.rows<{
    status: string;
    starts_at: string;
    updated_at: string;
    guest_name: string;
    session_id: string;
  }>(
    `select b.status, t.starts_at::text, b.updated_at::text, b.guest_name, b.session_id
       from public.bookings b join public.training_sessions t on t.id = b.session_id
      where b.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new Error(`no booking ${id}`);
  return row;
}

/** opens /volkov/book, picks the trial and `slot`, fills the form and books */
async function book(page: Page, slot: string, name: string, email: string, en = false, js = true) {
  await page.goto(`${e2e.app.url}/volkov/book`);
  // the session type's name is the coach's own, in Russian whatever the page's language
  await page.getByRole('link', { name: 'Пробная тренировка' }).click();
  // the optional script shows the times in the browser's zone (it adds tz)
  if (js) await page.waitForURL(/[?&]tz=/);
  const time = page.locator(`a[href*="start=${encodeURIComponent(slot)}"]`);
  await time.waitFor();
  if (js && !en) await page.screenshot({ path: '/tmp/shots/guest-ru-times.png', fullPage: true });
  await time.click();
  await page
    .getByRole('heading', { name: en ? 'Confirm your booking' : 'Подтвердите запись' })
    .waitFor();
  if (js) {
    await page.screenshot({
      path: `/tmp/shots/guest-${en ? 'en' : 'ru'}-confirm.png`,
      fullPage: true,
    });
    expect(await seriousViolations(page)).toEqual([]);
  }
  await page.getByLabel(en ? 'Full name' : 'Имя и фамилия').fill(name);
  await page.getByLabel(en ? 'Email' : 'Электронная почта').fill(email);
  await page.getByRole('button', { name: en ? 'Book' : 'Записаться', exact: true }).click();
  await page.getByRole('heading', { name: en ? 'Your booking' : 'Ваша запись' }).waitFor();
  const url = new URL(page.url());
  const id = /^\/booking\/([0-9a-f-]{36})$/.exec(url.pathname)?.[1] ?? '';
  expect(id).not.toBe('');
  return { id, link: url.href };
}

describe('a guest books the free trial', () => {
  test('in Russian: book, open the link again, move, cancel', { timeout: 240_000 }, async () => {
    const slot = await openSlot();
    await e2e.page('guest-ru', async (page) => {
      const { id, link } = await book(page, slot, 'Мария Гостева', 'maria@guest.test');
      await page.getByText('Запись подтверждена').waitFor();
      expect(await page.textContent('main')).not.toContain('maria@guest.test');
      await page.screenshot({ path: '/tmp/shots/guest-ru-manage.png', fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      const before = await bookingRow(id);
      expect(Date.parse(before.starts_at)).toBe(Date.parse(slot));
      expect(before.guest_name).toBe('Мария Гостева');

      // a mail scanner: HEAD and two GETs; then the guest opens it again
      const head = await fetch(link, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('referrer-policy')).toBe('no-referrer');
      expect(head.headers.get('cache-control')).toBe('no-store');
      for (let i = 0; i < 2; i += 1) expect((await fetch(link)).status).toBe(200);
      await page.goto(link);
      await page.getByText('Запись подтверждена').waitFor();
      expect(await bookingRow(id)).toEqual(before);

      // a wrong token: one plain page, no oracle
      const wrong = await fetch(link.replace(/t=[^&]+/, 't=AAAAAAAAAAAAAAAAAAAAAA'));
      expect(wrong.status).toBe(404);
      expect(await wrong.text()).toContain('Ссылка недействительна');

      // move it: the same booking, another time
      const next = await openSlot(slot);
      await page.getByRole('link', { name: 'Перенести на другое время' }).click();
      await page.getByRole('heading', { name: 'Перенос записи' }).waitFor();
      await page.locator(`input[value="${next}"]`).check();
      await page.screenshot({ path: '/tmp/shots/guest-ru-reschedule.png', fullPage: true });
      await page.getByRole('button', { name: 'Перенести', exact: true }).click();
      await page.getByText('Запись перенесена.').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/booking/${id}`);
      const moved = await bookingRow(id);
      expect(Date.parse(moved.starts_at)).toBe(Date.parse(next));
      expect(moved.session_id).toBe(before.session_id);

      // cancel it
      await page.getByRole('button', { name: 'Отменить запись' }).click();
      await page.getByText('Запись отменена.').first().waitFor();
      expect((await bookingRow(id)).status).toBe('cancelled_by_member');
      await page.screenshot({ path: '/tmp/shots/guest-ru-cancelled.png', fullPage: true });
    });
  });

  test(
    'in English, and the coach sees the guest in the calendar',
    { timeout: 240_000 },
    async () => {
      const slot = await openSlot();
      let sessionId = '';
      await e2e.page(
        'guest-en',
        async (page) => {
          await page.goto(`${e2e.app.url}/volkov/book?lang=en`);
          await page.getByRole('heading', { name: 'Book a session with Игорь Волков' }).waitFor();
          await page.screenshot({ path: '/tmp/shots/guest-en-types.png', fullPage: true });
          const { id } = await book(page, slot, 'John Guest', 'john@guest.test', true);
          await page.getByText('Booking confirmed').waitFor();
          await page.screenshot({ path: '/tmp/shots/guest-en-manage.png', fullPage: true });
          expect(await seriousViolations(page)).toEqual([]);
          sessionId = (await bookingRow(id)).session_id;
        },
        { locale: 'en-GB' },
      );

      await e2e.asUser('guest-coach-calendar', 'coach@trackside.test', async (page) => {
        await page.goto(`${e2e.app.url}/calendar`);
        await page.getByRole('heading', { name: 'Календарь', level: 1 }).waitFor();
        const card = page.locator(`a[href="/calendar/session/${sessionId}"]`);
        for (let week = 0; week < 3 && (await card.count()) === 0; week += 1) {
          await page.waitForTimeout(1000);
          if ((await card.count()) > 0) break;
          await page.getByRole('button', { name: 'Следующая неделя' }).click();
        }
        await expect.poll(() => card.textContent(), { timeout: 30_000 }).toContain('John Guest');
        await card.scrollIntoViewIfNeeded();
        await page.screenshot({ path: '/tmp/shots/guest-coach-calendar.png', fullPage: true });
      });
    },
  );

  test('with JavaScript off, the guest still books', { timeout: 180_000 }, async () => {
    const slot = await openSlot();
    const context = await e2e.newContext({
      javaScriptEnabled: false,
      viewport: phone,
      locale: 'ru-RU',
    });
    try {
      const page = await context.newPage();
      const { id } = await book(page, slot, 'Без Скриптов', 'noscript@guest.test', false, false);
      await page.getByText('Запись подтверждена').waitFor();
      await page.screenshot({ path: '/tmp/shots/guest-nojs-manage.png', fullPage: true });
      expect((await bookingRow(id)).status).toBe('confirmed');
    } catch (error) {
      const [page] = context.pages();
      await page?.screenshot({ path: join(shots, 'failed-guest-nojs.png'), fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  });
});
