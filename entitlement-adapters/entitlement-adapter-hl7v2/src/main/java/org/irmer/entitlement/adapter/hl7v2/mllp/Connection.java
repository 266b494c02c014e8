package org.irmer.entitlement.adapter.hl7v2.mllp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import org.irmer.entitlement.adapter.hl7v2.mllp.MllpListener.FrameProblem;
import org.irmer.entitlement.adapter.hl7v2.mllp.MllpListener.Handler;

/**
 * One client connection: reads frames, answers each before reading the next (MLLP is
 * synchronous), and applies the listener's limits (see {@link MllpListener}).
 */
final class Connection implements Runnable {

  private final Socket socket;
  private final Handler handler;
  private final int maxBytes;
  private final long idleMillis;
  private final long readMillis;
  private final Charset charset;
  private final Consumer<Connection> onEnd;
  private final Object lock = new Object();
  private boolean idle = true;
  private boolean closing;
  private boolean frameOpen;
  private long frameDeadline;

  Connection(Socket socket, Handler handler, int maxBytes, Duration idleTimeout,
      Duration readTimeout, Charset charset, Consumer<Connection> onEnd) {
    this.socket = socket;
    this.handler = handler;
    this.maxBytes = maxBytes;
    this.idleMillis = idleTimeout.toMillis();
    this.readMillis = readTimeout.toMillis();
    this.charset = charset;
    this.onEnd = onEnd;
  }

  @Override
  public void run() {
    try (socket) {
      socket.setTcpNoDelay(true);
      if (socket instanceof SSLSocket tls) {
        socket.setSoTimeout((int) readMillis);
        tls.startHandshake();
      }
      FrameReader frames = new FrameReader(socket.getInputStream(), maxBytes, this::beforeRead);
      OutputStream out = socket.getOutputStream();
      serve(frames, out);
    } catch (IOException | RuntimeException e) {
      // The peer went away, timed out between frames, or the handler failed: the connection ends.
    } finally {
      onEnd.accept(this);
    }
  }

  private void serve(FrameReader frames, OutputStream out) throws IOException {
    while (waiting()) {
      FrameReader.Frame frame;
      try {
        frame = frames.next();
      } catch (SocketTimeoutException e) {
        if (frameOpen) {
          refuse(out, new byte[0], FrameProblem.INCOMPLETE,
              "the frame was not complete within the read timeout of " + readMillis + " ms");
        }
        return;
      }
      answering();
      switch (frame.kind()) {
        case END -> {
          return;
        }
        case MESSAGE -> write(out, handler.reply(new String(frame.content(), charset)));
        case OVERSIZED -> {
          if (!refuse(out, frame.content(), FrameProblem.OVERSIZED, "the message of "
              + frame.length() + " bytes is larger than the limit of " + maxBytes + " bytes")) {
            return;
          }
        }
        case INCOMPLETE -> {
          boolean answered = refuse(out, frame.content(), FrameProblem.INCOMPLETE,
              "the frame of " + frame.length() + " bytes ended without its end block");
          if (!answered || frames.betweenFrames()) {
            return;
          }
        }
      }
    }
  }

  private boolean refuse(OutputStream out, byte[] start, FrameProblem problem, String detail)
      throws IOException {
    Optional<String> reply = handler.refuse(new String(start, charset), problem, detail);
    if (reply.isEmpty()) {
      return false;
    }
    write(out, reply.get());
    return true;
  }

  private void write(OutputStream out, String reply) throws IOException {
    byte[] body = reply.getBytes(charset);
    byte[] framed = new byte[body.length + 3];
    framed[0] = FrameReader.START;
    System.arraycopy(body, 0, framed, 1, body.length);
    framed[body.length + 1] = FrameReader.END_BLOCK;
    framed[body.length + 2] = FrameReader.CARRIAGE_RETURN;
    out.write(framed);
    out.flush();
  }

  private void beforeRead(boolean inFrame) throws IOException {
    long timeout = idleMillis;
    if (inFrame) {
      if (!frameOpen) {
        frameOpen = true;
        frameDeadline = System.nanoTime() + readMillis * 1_000_000;
      }
      timeout = Math.max(1, (frameDeadline - System.nanoTime()) / 1_000_000);
    }
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout));
  }

  /** Marks the connection as waiting for a frame; false when the listener is closing. */
  private boolean waiting() {
    synchronized (lock) {
      idle = true;
      return !closing;
    }
  }

  /** Marks the connection as answering a frame, which it finishes even if the listener closes. */
  private void answering() {
    synchronized (lock) {
      idle = false;
      frameOpen = false;
    }
  }

  /** Closes the connection at once when it waits between frames, or after its current reply. */
  void closeWhenIdle() {
    synchronized (lock) {
      closing = true;
      if (!idle) {
        return;
      }
    }
    closeNow();
  }

  void closeNow() {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing more can be done with a socket that fails to close.
    }
  }
}
