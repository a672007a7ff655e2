import { describe, expect, it } from 'vitest';
import { quizAnswers, readQuiz } from './course-quiz.ts';

const quiz = {
  questions: [
    { text: 'Угол в локте?', options: ['Прямая рука', 'Примерно 90°'] },
    { text: 'Что задаёт ритм?', options: ['Руки', 'Дыхание', 'Пятки'] },
  ],
};

describe('course quiz', () => {
  it('reads a quiz of questions and options', () => {
    expect(readQuiz(quiz)?.questions).toHaveLength(2);
    expect(readQuiz(null)).toBeNull();
  });

  it('refuses a quiz that carries anything else, such as an answer', () => {
    expect(readQuiz({ questions: [{ text: 'q', options: ['a', 'b'], answer: 0 }] })).toBeNull();
    expect(readQuiz({ questions: [{ text: 'q', options: ['a'] }] })).toBeNull();
    expect(readQuiz({ questions: [] })).toBeNull();
  });

  it('gives the answers in order once every question has one of its options', () => {
    const q = readQuiz(quiz);
    if (!q) throw new Error('quiz expected');
    expect(quizAnswers(q, new Map([[0, 1]]))).toBeNull();
    expect(
      quizAnswers(
        q,
        new Map([
          [1, 2],
          [0, 1],
        ]),
      ),
    ).toEqual([1, 2]);
    expect(
      quizAnswers(
        q,
        new Map([
          [0, 1],
          [1, 3],
        ]),
      ),
    ).toBeNull();
  });
});
