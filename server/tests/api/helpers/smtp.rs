//! A small SMTP server for tests (the sink): it accepts every message and
//! keeps its raw text; switched down, it refuses every connection with a
//! 421, as a mail server in maintenance does.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

#[derive(Clone)]
pub struct Sink {
    pub url: String,
    up: Arc<AtomicBool>,
    received: Arc<Mutex<Vec<String>>>,
}

impl Sink {
    /// Listening on a port of its own, up.
    pub async fn start() -> Sink {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let sink = Sink {
            url: format!("smtp://{}", listener.local_addr().unwrap()),
            up: Arc::new(AtomicBool::new(true)),
            received: Arc::default(),
        };
        let s = sink.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                tokio::spawn(s.clone().session(socket));
            }
        });
        sink
    }

    pub fn set_up(&self, up: bool) {
        self.up.store(up, Ordering::SeqCst);
    }

    /// Every message received, raw, oldest first.
    pub fn received(&self) -> Vec<String> {
        self.received.lock().unwrap().clone()
    }

    /// The Message-ID of every message received, in order.
    pub fn message_ids(&self) -> Vec<String> {
        self.received()
            .iter()
            .map(|m| {
                m.lines()
                    .find_map(|l| {
                        let (name, value) = l.split_once(':')?;
                        name.eq_ignore_ascii_case("message-id")
                            .then(|| value.trim().to_owned())
                    })
                    .unwrap_or_default()
            })
            .collect()
    }

    async fn session(self, socket: tokio::net::TcpStream) {
        let (read, mut write) = socket.into_split();
        if !self.up.load(Ordering::SeqCst) {
            let _ = write.write_all(b"421 sink down, try later\r\n").await;
            return;
        }
        let mut lines = BufReader::new(read).lines();
        let _ = write.write_all(b"220 sink ESMTP\r\n").await;
        while let Ok(Some(line)) = lines.next_line().await {
            let verb = line.get(..4).unwrap_or(&line).to_ascii_uppercase();
            let answer: &[u8] = match verb.as_str() {
                "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
                "DATA" => {
                    let _ = write.write_all(b"354 go on\r\n").await;
                    let mut message = String::new();
                    while let Ok(Some(l)) = lines.next_line().await {
                        if l == "." {
                            break;
                        }
                        message.push_str(&l);
                        message.push('\n');
                    }
                    if !self.up.load(Ordering::SeqCst) {
                        let _ = write.write_all(b"421 sink down\r\n").await;
                        return;
                    }
                    self.received.lock().unwrap().push(message);
                    b"250 kept\r\n"
                }
                "QUIT" => {
                    let _ = write.write_all(b"221 bye\r\n").await;
                    return;
                }
                _ => b"250 ok\r\n",
            };
            if write.write_all(answer).await.is_err() {
                return;
            }
        }
    }
}
