-- A customer's family (spouse, children, parents) and the days that matter
-- to her or to them: birthdays, wedding anniversaries, graduations,
-- memorials (제사). Lunar dates keep the lunar month and day (and 윤달).
CREATE TABLE family_members (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    name         TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    relation     TEXT    NOT NULL CHECK (relation IN ('spouse', 'child', 'parent', 'sibling', 'other')),
    created_at   TEXT    NOT NULL
);
CREATE INDEX family_customer ON family_members(customer_id);

CREATE TABLE important_dates (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    -- NULL: the customer's own day
    member_id    INTEGER REFERENCES family_members(id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL CHECK (kind IN ('birthday', 'wedding', 'graduation', 'memorial', 'other')),
    label        TEXT    NOT NULL DEFAULT '',
    year         INTEGER,
    month        INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day          INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
    lunar        INTEGER NOT NULL DEFAULT 0 CHECK (lunar IN (0, 1)),
    leap         INTEGER NOT NULL DEFAULT 0 CHECK (leap IN (0, 1)),
    created_at   TEXT    NOT NULL
);
CREATE INDEX important_dates_customer ON important_dates(customer_id);
