//! A declared form's fields (`domain::form`) read from and written to the
//! entity's columns of the same names: a field added to a declaration is
//! stored as soon as its column exists (a test checks that every declared
//! field has one).

use crate::domain::form::Declared;
use crate::model::AppError;
use sea_orm::{ActiveModelTrait, EntityTrait, ModelTrait, Value};
use std::str::FromStr;

fn column<E: EntityTrait>(name: &str) -> Result<E::Column, AppError>
where
    E::Column: FromStr,
{
    E::Column::from_str(name).map_err(|_| {
        tracing::error!(field = name, "a declared field has no column");
        AppError::Unexpected
    })
}

/// Sets every declared field of `form` on `row`.
pub fn write<F: Declared, A: ActiveModelTrait>(row: &mut A, form: &F) -> Result<(), AppError>
where
    <A::Entity as EntityTrait>::Column: FromStr,
{
    for s in F::specs() {
        let Some(f) = form.field(s.name) else {
            continue;
        };
        let value: Value = match f.flag() {
            Some(on) => on.into(),
            None => f.text().to_owned().into(),
        };
        row.try_set(column::<A::Entity>(s.name)?, value)?;
    }
    Ok(())
}

/// A form whose declared fields are read from `model` (the rest default).
pub fn read<F: Declared, M: ModelTrait>(model: &M) -> Result<F, AppError>
where
    <M::Entity as EntityTrait>::Column: FromStr,
{
    let mut form = F::default();
    for s in F::specs() {
        let value = model.get(column::<M::Entity>(s.name)?);
        let Some(f) = form.field_mut(s.name) else {
            continue;
        };
        match (value, f.flag().is_some()) {
            (Value::Bool(Some(on)), true) => f.set_raw(if on { "on" } else { "" }),
            (Value::String(Some(text)), false) => f.set_raw(&text),
            (other, _) => {
                tracing::error!(field = s.name, ?other, "a column does not hold its field");
                return Err(AppError::Unexpected);
            }
        }
    }
    Ok(form)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::application_form::ApplicationForm;
    use crate::domain::defi_form::DefiForm;
    use crate::server::db::{application, defi};

    /// Every declared field has its column, of its kind.
    #[test]
    fn declared_fields_round_trip_through_their_entity() {
        let form = DefiForm {
            title: "Titre".into(),
            open_data: true,
            mentor: "Marie".into(),
            ..DefiForm::default()
        };
        let mut row = <defi::ActiveModel as Default>::default();
        write(&mut row, &form).unwrap();
        assert_eq!(row.title, sea_orm::ActiveValue::Set("Titre".to_owned()));
        let form = ApplicationForm {
            first_name: "Ada".into(),
            consent: true,
            ..ApplicationForm::default()
        };
        let mut row = <application::ActiveModel as Default>::default();
        write(&mut row, &form).unwrap();
        assert_eq!(row.consent, sea_orm::ActiveValue::Set(true));
        for name in ApplicationForm::specs().map(|s| s.name) {
            assert!(application::Column::from_str(name).is_ok(), "{name}");
        }
        for name in DefiForm::specs().map(|s| s.name) {
            assert!(defi::Column::from_str(name).is_ok(), "{name}");
        }
    }
}
