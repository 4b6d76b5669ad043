//! Emailed single-use tokens: 32 random bytes, only their SHA-256 stored,
//! spent atomically.

use crate::domain::TokenPurpose;
use crate::i18n::Msg;
use crate::model::AppError;
use crate::server::db::auth_token::{self, Column, Entity as Tokens};
use chrono::{Duration, Utc};
use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use sha2::{Digest, Sha256};

pub fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.trim().as_bytes()))
}

/// Creates a token for `user_id` and returns the secret to email.
pub async fn issue<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    purpose: TokenPurpose,
) -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let now = Utc::now();
    auth_token::ActiveModel {
        user_id: Set(user_id),
        purpose: Set(purpose.code().to_owned()),
        token_hash: Set(digest(&token)),
        created_at: Set(now),
        expires_at: Set(now + Duration::minutes(purpose.lifetime_minutes())),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The user a still-valid token belongs to, without spending it.
pub async fn peek<C: ConnectionTrait>(
    db: &C,
    token: &str,
    purpose: TokenPurpose,
) -> Result<i64, AppError> {
    Tokens::find()
        .filter(Column::TokenHash.eq(digest(token)))
        .filter(Column::Purpose.eq(purpose.code()))
        .filter(Column::UsedAt.is_null())
        .filter(Column::ExpiresAt.gt(Utc::now()))
        .one(db)
        .await?
        .map(|t| t.user_id)
        .ok_or(AppError::Refused(Msg::TokenInvalid))
}

/// Spends a token: exactly one request can succeed, even when two arrive
/// together. Returns its user.
pub async fn spend<C: ConnectionTrait>(
    db: &C,
    token: &str,
    purpose: TokenPurpose,
) -> Result<i64, AppError> {
    let user_id = peek(db, token, purpose).await?;
    let now = Utc::now();
    let res = Tokens::update_many()
        .col_expr(Column::UsedAt, Expr::value(now))
        .filter(Column::TokenHash.eq(digest(token)))
        .filter(Column::UsedAt.is_null())
        .filter(Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    if res.rows_affected == 1 {
        Ok(user_id)
    } else {
        Err(AppError::Refused(Msg::TokenInvalid))
    }
}

/// Spent and expired tokens are of no use; the jobs loop removes them.
pub async fn delete_stale<C: ConnectionTrait>(db: &C) -> Result<u64, AppError> {
    let res = Tokens::delete_many()
        .filter(Column::ExpiresAt.lt(Utc::now() - Duration::days(7)))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}

/// A random secret of `bytes` bytes, hex-encoded (for generated passwords).
pub fn random_secret(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut buf);
    hex::encode(buf)
}

/// Spends every unused token of `user_id` (after a password reset, older
/// links must not work any more).
pub async fn spend_all<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<u64, AppError> {
    let res = Tokens::update_many()
        .col_expr(Column::UsedAt, Expr::value(Utc::now()))
        .filter(Column::UserId.eq(user_id))
        .filter(Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}
