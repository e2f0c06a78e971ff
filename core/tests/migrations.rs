//! A database written by any earlier version opens in this one with its
//! data intact; a database from a newer version is refused, not damaged.

mod common;

use dangol_core::store::migrations::{self, latest_version, migrate_to, schema_version};
use dangol_core::{Error, Shop};
use rusqlite::Connection;

/// Writes a customer the way version `v` of the schema stored one.
fn customer_at(conn: &Connection, v: i64) {
    assert!(v >= 1);
    conn.execute_batch(
        "INSERT INTO customers (id, card_no, name, email, memo, consent_sms, created_at, updated_at)
         VALUES (1, 1, '김민수', 'minsu@example.com', '단골 손님', '2025-05-01',
                 '2025-05-01T10:00:00Z', '2025-05-01T10:00:00Z');
         INSERT INTO customer_phones (customer_id, position, label, raw, e164, region, national, international)
         VALUES (1, 0, 'mobile', '01023456789', '+821023456789', 'KR', '010-2345-6789', '+82 10-2345-6789');
         UPDATE card_counter SET next = 2;",
    )
    .unwrap();
    if v >= 3 {
        conn.execute_batch(
            "INSERT INTO history (id, customer_id, kind, happened_at, amount, owed_delta, summary, created_at)
             VALUES (7, 1, 'sale', '2025-05-02T10:00:00Z', 30000, 30000, '생일 케이크', '2025-05-02T10:00:00Z');
             INSERT INTO history_fts (rowid, terms) VALUES (7, '생일 케이 이크');
             INSERT INTO followups (customer_id, due, origin, history_id, created_at)
             VALUES (1, '2025-05-09', 'sale', 7, '2025-05-02T10:00:00Z');",
        )
        .unwrap();
    }
    if v >= 5 {
        conn.execute_batch(
            "INSERT INTO points_ledger (customer_id, delta, reason, history_id, created_at)
             VALUES (1, 300, 'earn', 7, '2025-05-02T10:00:00Z');",
        )
        .unwrap();
    }
    if v >= 8 {
        conn.execute_batch(
            "INSERT INTO family_members (id, customer_id, name, relation, created_at)
             VALUES (3, 1, '박순자', 'parent', '2025-05-01T10:00:00Z');
             INSERT INTO important_dates (customer_id, member_id, kind, year, month, day, lunar, created_at)
             VALUES (1, 3, 'birthday', 1957, 12, 15, 1, '2025-05-01T10:00:00Z');",
        )
        .unwrap();
    }
}

#[test]
fn every_earlier_version_upgrades_with_its_data() {
    for from in 1..latest_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite3");
        {
            let mut conn = Connection::open(&path).unwrap();
            migrate_to(&mut conn, from).unwrap();
            assert_eq!(schema_version(&conn).unwrap(), from);
            customer_at(&conn, from);
        }
        let shop =
            Shop::open(&path).unwrap_or_else(|e| panic!("version {from} does not open: {e}"));
        let conn = Connection::open(&path).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), latest_version());
        let c = shop.get_customer(1).unwrap();
        assert_eq!(c.name, "김민수", "from version {from}");
        assert_eq!(c.phones[0].display, "010-2345-6789");
        // 0022: the sales and points already written summed per quarter
        // hour (2025-05-02 10:00 UTC), the duplicate phone index gone.
        let q = 1_746_180_000 / 900;
        let row = |sql: &str| -> String { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        let sums = "SELECT COALESCE((SELECT group_concat(customer_id || ',' || quarter || ','
            || amount || ',' || sales) FROM sale_quarters), '') || ';' || COALESCE((SELECT
            group_concat(quarter || ',' || reason || ',' || delta || ',' || entries)
            FROM points_quarters), '')";
        let want = match from {
            1 | 2 => ";".to_string(),
            3 | 4 => format!("1,{q},30000,1;"),
            _ => format!("1,{q},30000,1;{q},earn,300,1"),
        };
        assert_eq!(row(sums), want, "from version {from}");
        assert_eq!(
            row("SELECT COUNT(*) || '' FROM sqlite_master WHERE name = 'customer_phones_customer'"),
            "0"
        );
        // 0023: every customer who bought waits for her pack, which the
        // upkeep makes.
        let stale = if from >= 3 { "1" } else { "0" };
        let packs = "SELECT (SELECT COUNT(*) FROM sale_packs_stale) || ',' || (SELECT COUNT(*) FROM sale_packs)";
        assert_eq!(row(packs), format!("{stale},0"), "from version {from}");
        shop.pack_sales().unwrap();
        assert_eq!(row(packs), format!("0,{stale}"), "from version {from}");
        assert_eq!(c.memo, "단골 손님");
        assert!(c.consents.sms.is_some());
        assert_eq!(shop.search("6789", 5).hits[0].id, 1);
        if from >= 3 {
            assert_eq!(
                shop.balance_owed(1).unwrap(),
                30_000,
                "history lost from version {from}"
            );
            let hits = shop.search_history("케이크", 5).unwrap();
            assert_eq!(hits.len(), 1, "keyword index lost from version {from}");
            assert_eq!(shop.customer_story(1).unwrap().followups.len(), 1);
            let linked: Option<i64> = Connection::open(&path)
                .unwrap()
                .query_row("SELECT history_id FROM followups", [], |r| r.get(0))
                .unwrap();
            assert_eq!(
                linked,
                Some(7),
                "the follow-up lost its sale from version {from}"
            );
        }
        // 0016: when she was last told of her consent.
        let notice: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM pragma_table_info('customers') WHERE name = 'consent_notified_at'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(notice, 1, "0016 missing from version {from}");
        // 0020: when the owner kept her past the retention period; a
        // customer from any version can be kept.
        shop.keep_past_retention(1).unwrap();
        let kept: Option<String> = conn
            .query_row(
                "SELECT retention_kept_at FROM customers WHERE id = 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(kept.is_some(), "0020 missing from version {from}");
        // 0015: the family kept through the rebuilt table, grandparents
        // allowed, and a date's own age counting.
        if from >= 8 {
            let dates = shop.important_dates(1).unwrap();
            assert_eq!(dates.len(), 1, "family dates lost from version {from}");
            assert_eq!(dates[0].member_name.as_deref(), Some("박순자"));
            assert_eq!(dates[0].age_counting, None);
            assert_eq!(
                shop.family(1).unwrap()[0].relation,
                dangol_core::letters::dates::occasions::Relation::Parent
            );
        }
        shop.add_family_member(
            1,
            "최영희",
            dangol_core::letters::dates::occasions::Relation::Grandparent,
        )
        .unwrap_or_else(|e| panic!("no grandparents from version {from}: {e}"));
        // 0011: the indexes reports read through, and reports that run.
        let indexes: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'
                 AND name IN ('history_sales', 'points_by_time', 'complaints_opened')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(indexes, 3, "report indexes missing from version {from}");
        // 0012: the keyword index was rewritten in one segment, without
        // what was deleted before.
        let structure: i64 = conn
            .query_row("SELECT COUNT(*) FROM history_fts_data", [], |r| r.get(0))
            .unwrap();
        assert!(structure > 0, "keyword index empty from version {from}");
        // 0014: a letter's printed and hand-edited times, and points waiting
        // for a credit sale's money.
        let added: i64 = conn
            .query_row(
                "SELECT (SELECT COUNT(*) FROM pragma_table_info('letters')
                         WHERE name IN ('printed_at', 'edited_at'))
                      + (SELECT COUNT(*) FROM sqlite_master WHERE name = 'credit_points')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(added, 3, "0014 missing from version {from}");
        assert!(
            shop.first_day().unwrap().customers,
            "the first-day checklist reads an upgraded shop from version {from}"
        );
        let query = dangol_core::reports::ReportQuery {
            period: dangol_core::reports::ReportPeriod::LastMonths { months: 12 },
            return_days: 60,
        };
        shop.reports(&query)
            .unwrap_or_else(|e| panic!("reports fail from version {from}: {e}"));
        // 0013: import warnings, kept for the customer's screen.
        assert!(shop.import_warnings(1).unwrap().is_empty());
        let dir2 = tempfile::tempdir().unwrap();
        let list = dir2.path().join("list.csv");
        std::fs::write(&list, "이름,이메일\n새손님,new@mail\n").unwrap();
        let out = shop
            .import_file(&list, &Default::default())
            .unwrap_or_else(|e| panic!("import fails from version {from}: {e}"));
        let id = out.warned[0].customer_id;
        assert_eq!(shop.import_warnings(id).unwrap()[0].original, "new@mail");
        shop.undo_import(out.batch_id).unwrap();
        let next = shop
            .create_customer(&common::form("이서연", "010-1111-2222", ""))
            .unwrap();
        // No. 2 went to the imported customer and is never handed out again.
        assert_eq!(
            next.card_no, 3,
            "card counter carried over from version {from}"
        );
    }
}

#[test]
fn migrating_twice_does_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = Connection::open(dir.path().join("a.sqlite3")).unwrap();
    assert_eq!(
        migrations::migrate(&mut conn).unwrap() as i64,
        latest_version()
    );
    assert_eq!(migrations::migrate(&mut conn).unwrap(), 0);
}

#[test]
fn a_newer_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite3");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrations::migrate(&mut conn).unwrap();
        conn.pragma_update(None, "user_version", latest_version() + 1)
            .unwrap();
    }
    match Shop::open(&path) {
        Err(Error::SchemaTooNew { found, known }) => {
            assert_eq!((found, known), (latest_version() + 1, latest_version()));
        }
        other => panic!("expected SchemaTooNew, got {:?}", other.map(|_| ())),
    }
    // Still the newer version, still whole: the newer app can open it.
    let conn = Connection::open(&path).unwrap();
    assert_eq!(schema_version(&conn).unwrap(), latest_version() + 1);
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn opening_a_file_that_is_not_a_database_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junk.sqlite3");
    std::fs::write(&path, b"this is a spreadsheet, not a database".repeat(200)).unwrap();
    let err = Shop::open(&path).err().expect("junk must not open");
    assert!(matches!(err, Error::Corrupt(_) | Error::Db(_)), "{err:?}");
}

/// 0017 (texts): an email waiting in the outbox of a shop from before texts stays
/// an email after the upgrade, and customers get no night consent.
#[test]
fn an_outbox_from_before_texts_stays_email() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dangol.sqlite3");
    let mut conn = Connection::open(&path).unwrap();
    migrate_to(&mut conn, 12).unwrap();
    customer_at(&conn, 12);
    conn.execute_batch(
        "INSERT INTO letters (id, customer_id, occasion, occasion_key, channel, title, body, created_at)
         SELECT 1, id, 'birthday', 'birthday:2026', 'email', '생일', '축하합니다', '2026-01-01' FROM customers LIMIT 1;
         INSERT INTO outbox (letter_id, customer_id, to_address, status, message_id, queued_at, updated_at)
         SELECT 1, id, 'a@example.com', 'queued', '<m@x>', '2026-01-01', '2026-01-01' FROM customers LIMIT 1;",
    )
    .unwrap();
    migrate_to(&mut conn, latest_version()).unwrap();
    let (channel, night): (String, Option<String>) = conn
        .query_row(
            "SELECT o.channel, c.consent_sms_night FROM outbox o JOIN customers c ON c.id = o.customer_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((channel.as_str(), night), ("email", None));
}

/// 0018 (staff PINs): staff from before keep their names and history and
/// have no PIN until the owner gives one.
#[test]
fn staff_from_before_pins_have_none_and_can_get_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dangol.sqlite3");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, 17).unwrap();
        customer_at(&conn, 17);
        conn.execute_batch(
            "INSERT INTO staff (id, name, active, created_at) VALUES (4, '박미나', 1, '2025-05-01');
             UPDATE history SET staff_id = 4 WHERE id = 7;",
        )
        .unwrap();
    }
    let shop = Shop::open(&path).unwrap();
    let staff = shop.list_staff().unwrap();
    assert_eq!(staff.len(), 1);
    assert_eq!(
        (staff[0].name.as_str(), staff[0].has_pin),
        ("박미나", false)
    );
    assert!(shop.staff_with_pins().unwrap().is_empty());
    shop.set_staff_pin(4, Some("2580")).unwrap();
    assert!(shop.check_staff_pin(4, "2580").unwrap().is_some());
}

/// 0019 (consent records): the consents a shop held before are records
/// "recorded earlier", dated as they were, and what the outboxes read is
/// unchanged; a night consent without its day one is not carried over.
#[test]
fn consents_from_before_become_earlier_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dangol.sqlite3");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, 18).unwrap();
        customer_at(&conn, 18);
        conn.execute_batch(
            "UPDATE customers SET consent_email = '2024-03-02', consent_sms_night = '2025-05-01'
              WHERE id = 1;
             INSERT INTO customers (id, card_no, name, consent_sms_night, created_at, updated_at)
             VALUES (2, 2, '이하나', '2025-06-01', '2025-05-01T10:00:00Z', '2025-05-01T10:00:00Z');",
        )
        .unwrap();
    }
    let shop = Shop::open(&path).unwrap();
    let o = shop.consents(1).unwrap();
    let mut kept: Vec<(String, bool, String)> = o
        .records
        .iter()
        .map(|r| {
            assert_eq!(r.wording, "earlier");
            assert_eq!(
                r.method,
                dangol_core::people::consent::ConsentMethod::Earlier
            );
            assert!(r.given);
            (
                format!("{:?}", r.scope.channel),
                r.scope.night,
                r.at.clone(),
            )
        })
        .collect();
    kept.sort();
    assert_eq!(
        kept,
        vec![
            ("Some(Email)".into(), false, "2024-03-02".into()),
            ("Some(Text)".into(), false, "2025-05-01".into()),
            ("Some(Text)".into(), true, "2025-05-01".into()),
        ]
    );
    let c = shop.get_customer(1).unwrap();
    assert_eq!(
        c.consents.sms.map(|d| d.to_string()).as_deref(),
        Some("2025-05-01")
    );
    assert!(shop.consents(2).unwrap().records.is_empty());
}

/// 0021 (알림톡): a text waiting from before keeps going as a text (no
/// template), and an 알림톡 row keeps its template and values.
#[test]
fn texts_from_before_alimtalk_have_no_template() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dangol.sqlite3");
    let mut conn = Connection::open(&path).unwrap();
    // The version before the last, whatever number the merge gives it.
    let before = latest_version() - 1;
    migrate_to(&mut conn, before).unwrap();
    customer_at(&conn, before);
    conn.execute_batch(
        "INSERT INTO letters (id, customer_id, occasion, occasion_key, channel, title, body, created_at)
         SELECT 1, id, 'birthday', 'birthday:2026', 'email', '생일', '축하합니다', '2026-01-01' FROM customers LIMIT 1;
         INSERT INTO outbox (letter_id, customer_id, to_address, status, message_id, queued_at, updated_at,
                             channel, text_kind, text_body)
         SELECT 1, id, '01012345678', 'queued', 'dangol-1', '2026-01-01', '2026-01-01', 'text', 'sms', '축하합니다'
         FROM customers LIMIT 1;",
    )
    .unwrap();
    migrate_to(&mut conn, latest_version()).unwrap();
    let (kind, alimtalk): (String, Option<String>) = conn
        .query_row("SELECT text_kind, alimtalk FROM outbox", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((kind.as_str(), alimtalk), ("sms", None));
    conn.execute(
        "UPDATE outbox SET alimtalk = '{\"pfId\":\"KA01PF\",\"templateId\":\"T\",\"variables\":{}}'",
        [],
    )
    .unwrap();
}
