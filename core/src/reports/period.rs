//! The period a report covers: this month, the last 3, 6 or 12 months
//! (whole calendar months up to today) or the owner's own dates; and the
//! months inside it, for month-by-month charts.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, FieldError, FieldErrorCode, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ReportPeriod {
    ThisMonth,
    /// This month and the `months - 1` before it.
    LastMonths {
        months: u32,
    },
    /// From and to, both included.
    Custom {
        from: NaiveDate,
        to: NaiveDate,
    },
}

/// A period resolved to days: `from..=to`, never past `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Span {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub today: NaiveDate,
}

/// A calendar month inside a span (its first and last day clipped to it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Month {
    /// `YYYY-MM`
    pub label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn invalid(field: &str) -> Error {
    Error::Validation(vec![FieldError::new(field, FieldErrorCode::InvalidDate)])
}

impl ReportPeriod {
    pub fn resolve(&self, today: NaiveDate) -> Result<Span> {
        let (from, to) = match *self {
            ReportPeriod::ThisMonth => (first_of_month(today), today),
            ReportPeriod::LastMonths { months } => {
                if !(1..=120).contains(&months) {
                    return Err(invalid("months"));
                }
                let start = first_of_month(today)
                    .checked_sub_months(Months::new(months - 1))
                    .ok_or_else(|| invalid("months"))?;
                (start, today)
            }
            ReportPeriod::Custom { from, to } => (from, to.min(today)),
        };
        if from > to {
            return Err(invalid("from"));
        }
        Ok(Span { from, to, today })
    }
}

impl Span {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    /// The period just before, of the same shape, for comparing: a span
    /// that starts on the 1st moves back by its number of months (1–25
    /// November → 1–25 October; the last 12 months → the 12 before);
    /// any other moves back by its length in days.
    pub fn previous(&self) -> Span {
        let n = self.months().len() as u32;
        let by_months = (self.from.day() == 1)
            .then(|| {
                let from = self.from.checked_sub_months(Months::new(n))?;
                let to = self.to.checked_sub_months(Months::new(n))?;
                Some((from, to))
            })
            .flatten();
        let (from, to) = by_months.unwrap_or_else(|| {
            let days = (self.to - self.from).num_days() + 1;
            let from = self.from - chrono::Duration::days(days);
            (from, self.from.pred_opt().unwrap_or(self.from))
        });
        Span {
            from,
            to,
            today: self.today,
        }
    }

    /// The calendar months the span touches, oldest first.
    pub fn months(&self) -> Vec<Month> {
        let mut out = vec![];
        let mut start = first_of_month(self.from);
        while start <= self.to {
            let next = start + Months::new(1);
            let last = next.pred_opt().unwrap_or(start);
            out.push(Month {
                label: format!("{:04}-{:02}", start.year(), start.month()),
                from: start.max(self.from),
                to: last.min(self.to),
            });
            start = next;
        }
        out
    }
}

/// Which of `months` holds day number `day` (days from CE), if any.
pub(crate) fn month_index(months: &[(i32, i32)], day: i32) -> Option<usize> {
    let i = months.partition_point(|&(_, to)| to < day);
    months.get(i).filter(|&&(from, _)| from <= day).map(|_| i)
}

/// The months as day-number ranges, for `month_index`.
pub(crate) fn month_days(months: &[Month]) -> Vec<(i32, i32)> {
    months
        .iter()
        .map(|m| (m.from.num_days_from_ce(), m.to.num_days_from_ce()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn last_three_months_are_whole_months_up_to_today() {
        let s = ReportPeriod::LastMonths { months: 3 }
            .resolve(d("2026-03-15"))
            .unwrap();
        assert_eq!((s.from, s.to), (d("2026-01-01"), d("2026-03-15")));
        let labels: Vec<_> = s.months().into_iter().map(|m| m.label).collect();
        assert_eq!(labels, ["2026-01", "2026-02", "2026-03"]);
    }

    #[test]
    fn the_period_before_has_the_same_shape() {
        let today = d("2026-11-25");
        let prev = |p: ReportPeriod| {
            let s = p.resolve(today).unwrap().previous();
            (s.from, s.to)
        };
        assert_eq!(
            prev(ReportPeriod::ThisMonth),
            (d("2026-10-01"), d("2026-10-25"))
        );
        assert_eq!(
            prev(ReportPeriod::LastMonths { months: 12 }),
            (d("2024-12-01"), d("2025-11-25"))
        );
        let custom = ReportPeriod::Custom {
            from: d("2026-03-10"),
            to: d("2026-03-19"),
        };
        assert_eq!(prev(custom), (d("2026-02-28"), d("2026-03-09")));
        // 31 March a month back is the last day of February.
        let march = ReportPeriod::Custom {
            from: d("2026-03-01"),
            to: d("2026-03-31"),
        };
        assert_eq!(prev(march), (d("2026-02-01"), d("2026-02-28")));
    }

    #[test]
    fn custom_periods_are_clipped_to_today_and_must_run_forwards() {
        let today = d("2026-03-15");
        let s = ReportPeriod::Custom {
            from: d("2026-02-10"),
            to: d("2026-04-01"),
        }
        .resolve(today)
        .unwrap();
        assert_eq!(s.to, today);
        assert_eq!(s.months()[0].from, d("2026-02-10"));
        assert_eq!(s.months()[0].to, d("2026-02-28"));
        let back = ReportPeriod::Custom {
            from: d("2026-03-02"),
            to: d("2026-03-01"),
        };
        assert!(back.resolve(today).is_err());
    }
}
