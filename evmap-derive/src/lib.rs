//! Placeholder until the derive lands.
