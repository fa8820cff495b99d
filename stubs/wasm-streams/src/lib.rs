//! The part of wasm-streams 0.5's API that server_fn's browser client names, without the
//! exported JS classes of the real crate (see Cargo.toml). Streaming server functions are the
//! only callers; this widget has no server, so none of these functions runs. If one ever did,
//! it throws a JS error naming this stub rather than misbehaving quietly.

use futures_util::stream::{Empty, Stream};
use wasm_bindgen::{throw_str, JsValue};

const UNSUPPORTED: &str =
    "wasm-streams stub: streaming server functions are not part of this build (stubs/wasm-streams)";

pub mod readable {
    pub mod sys {
        pub use web_sys::ReadableStream;
    }
}

/// A JS `ReadableStream`, as `wasm_streams::ReadableStream` wraps it.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        throw_str(UNSUPPORTED)
    }

    pub fn into_stream(self) -> Empty<Result<JsValue, JsValue>> {
        throw_str(UNSUPPORTED)
    }
}
