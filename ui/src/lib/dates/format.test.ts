import { describe, expect, it } from 'vitest';
import { calendarMarks, dDay, maxDay, occasionText, ordinal, parseYear, relativeDays, whoseText, writtenDate } from './format';

describe('dates wording', () => {
  it('counts days to go', () => {
    expect(relativeDays('ko', '2025-12-26', '2025-12-26')).toBe('오늘');
    expect(relativeDays('ko', '2025-11-25', '2025-12-03')).toBe('8일 뒤');
    expect(relativeDays('ko', '2025-12-30', '2026-01-02')).toBe('3일 뒤');
    expect(relativeDays('ko', '2025-12-03', '2025-12-01')).toBe('2일 전');
    expect(relativeDays('en', '2025-12-01', '2025-12-04')).toBe('in 3 days');
    expect(dDay('ko', '2025-12-31', '2026-01-03')).toBe('D-3');
    expect(dDay('ko', '2025-12-31', '2025-12-31')).toBe('D-day');
    expect(dDay('ko', '2025-12-31', '2025-12-29')).toBe('D+2');
  });

  it('says which birthday or anniversary it is', () => {
    expect(occasionText('ko', { kind: 'birthday', label: '', years: 10 })).toBe('만 10세 생일');
    expect(occasionText('ko', { kind: 'birthday', label: '', years: 69, age_name: 'chilsun', elder: true })).toBe('칠순 (만 69세)');
    expect(occasionText('ko', { kind: 'birthday', label: '', years: 72, elder: true })).toBe('만 72세 생신');
    expect(occasionText('ko', { kind: 'birthday', label: '', years: null, elder: true })).toBe('생신');
    expect(occasionText('en', { kind: 'birthday', label: '', years: 69, age_name: 'chilsun', elder: true })).toBe('70th birthday (chilsun)');
    expect(occasionText('ko', { kind: 'birthday', label: '', years: null })).toBe('생일');
    expect(occasionText('ko', { kind: 'wedding', label: '결혼기념일', years: 12 })).toBe('결혼 12주년');
    expect(occasionText('ko', { kind: 'memorial', label: '할머니 제사', years: 3 })).toBe('할머니 제사 3주기');
    expect(occasionText('ko', { kind: 'other', label: '', years: null })).toBe('기타');
    expect(occasionText('en', { kind: 'birthday', label: '', years: 21 })).toBe('21st birthday');
    expect(occasionText('en', { kind: 'wedding', label: '', years: 12 })).toBe('12th wedding anniversary');
  });

  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 22, 101, 111].map(ordinal)).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '22nd', '101st', '111th',
    ]);
  });

  it('names whose day it is', () => {
    expect(whoseText('ko', '김민수', '김하늘', 'child')).toBe('김민수 님의 자녀 김하늘 님');
    expect(whoseText('ko', '이수아', '박순자', 'grandparent')).toBe('이수아 님의 조부모 박순자 님');
    expect(whoseText('ko', '김민수', null, null)).toBe('김민수 님');
    expect(whoseText('en', 'Minsu Kim', 'Haneul Kim', 'child')).toBe("Minsu Kim's child Haneul Kim");
  });

  it('writes the date as given, with its calendar marks', () => {
    expect(writtenDate('ko', { year: null, month: 3, day: 2 })).toBe('3월 2일');
    expect(writtenDate('ko', { year: 1990, month: 3, day: 2 })).toBe('1990년 3월 2일');
    expect(calendarMarks('ko', { lunar: true, leap: true })).toEqual(['음력', '윤달']);
    expect(calendarMarks('ko', { lunar: false, leap: false })).toEqual([]);
  });

  it('knows month lengths and reads a typed year', () => {
    expect(maxDay(2, false)).toBe(29);
    expect(maxDay(2, true)).toBe(30);
    expect(maxDay(4, false)).toBe(30);
    expect(parseYear('')).toBeNull();
    expect(parseYear(' 1990 ')).toBe(1990);
    expect(parseYear('90')).toBe('bad');
  });
});
