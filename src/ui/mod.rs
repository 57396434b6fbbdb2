//! Terminal UI (placeholder until the driver lands).
