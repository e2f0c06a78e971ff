//! Line breaks where a mail header is made from what the owner typed (the
//! sender name, a customer's name, a letter's title): the letter goes out
//! with the text on one line — no panic inside lettre, no header injected.
//! Against the real loopback SMTP server.

mod common;

use common::mail_shop::*;
use common::smtp::{SmtpServer, PASSWORD};
use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::store::Channel;
use dangol_core::outbox::mail::outbox::OutboxStatus;
use dangol_core::outbox::mail::sender::RunEnd;

#[test]
fn line_breaks_in_names_and_titles_go_out_on_one_line() {
    let server = SmtpServer::start();
    let t = shop(&server);
    let mut settings = server.settings();
    settings.from_name = "행복한\r\n세탁소\nBcc: spy@evil.example".into();
    t.shop.save_mail_settings(&settings).unwrap();
    let id = with_email(&t, "제갈공명", "kongming@example.com", false);
    let made = t
        .shop
        .make_letters(Occasion::ThankYou, &[id], Channel::Email)
        .unwrap();
    let letter = &made.made[0];
    t.shop
        .edit_letter(
            letter.id,
            "고맙습니다\r\nBcc: spy@evil.example",
            &letter.body,
        )
        .unwrap();
    t.shop.queue_letters(&[letter.id]).unwrap();
    // Her name with a line break in it, as a file written by another
    // program could hold it.
    t.shop
        .db()
        .with_tx(|tx| {
            tx.execute(
                "UPDATE customers SET name = '제갈' || char(13, 10) || 'Bcc: spy@evil.example'",
                [],
            )?;
            Ok(())
        })
        .unwrap();

    assert_eq!(run(&t.shop, PASSWORD), RunEnd::Done);
    assert_eq!(t.shop.outbox(10).unwrap()[0].status, OutboxStatus::Sent);
    let got = server.received();
    assert_eq!(got.len(), 1);
    let mail = &got[0];
    assert_eq!(
        mail["envelopeTo"],
        serde_json::json!(["kongming@example.com"])
    );
    // The name is one quoted phrase of the From header, not a header.
    let from = mail["from"].as_str().unwrap();
    assert!(
        from.contains("행복한 세탁소 Bcc: spy@evil.example") && !from.contains('\n'),
        "{from}"
    );
    assert_eq!(mail["subject"], "고맙습니다 Bcc: spy@evil.example");
    let to = mail["to"].as_str().unwrap();
    assert!(
        to.contains("제갈 Bcc: spy@evil.example") && !to.contains('\n'),
        "{to}"
    );
}
