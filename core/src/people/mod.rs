//! The people a shop knows: its customers (`customers`), its staff
//! (`staff`), what each customer agreed to (`consent`) and her rights over
//! her data (`rights`: seeing all of it, erasing it, how long it is kept).

pub mod consent;
pub mod customers;
pub mod rights;
pub mod staff;
