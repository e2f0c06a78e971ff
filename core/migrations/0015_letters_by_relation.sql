-- Letters by relation (issue 20): grandparents among the family (their
-- birthday is a 생신), how a date's milestone birthdays are counted, and
-- whether a letter carried a coupon (advertising under Korean law).
--
-- family_members' CHECK on relation gains 'grandparent': SQLite cannot
-- change a CHECK in place, so the table is rebuilt (foreign keys are off
-- while migrations run; important_dates keeps pointing at the same ids).
CREATE TABLE family_members_new (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    name         TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    relation     TEXT    NOT NULL CHECK (relation IN ('spouse', 'child', 'parent', 'grandparent', 'sibling', 'other')),
    created_at   TEXT    NOT NULL
);
INSERT INTO family_members_new (id, customer_id, name, relation, created_at)
    SELECT id, customer_id, name, relation, created_at FROM family_members;
DROP TABLE family_members;
ALTER TABLE family_members_new RENAME TO family_members;
CREATE INDEX IF NOT EXISTS family_customer ON family_members(customer_id);

-- NULL: the traditional counting (세는 나이); see core/src/dates/age.rs.
ALTER TABLE important_dates ADD COLUMN age_counting TEXT
    CHECK (age_counting IN ('traditional', 'international', 'off'));

ALTER TABLE letters ADD COLUMN with_coupon INTEGER NOT NULL DEFAULT 0 CHECK (with_coupon IN (0, 1));
