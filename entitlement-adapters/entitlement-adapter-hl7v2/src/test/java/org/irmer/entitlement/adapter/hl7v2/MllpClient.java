package org.irmer.entitlement.adapter.hl7v2;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A raw MLLP client for the tests: writes whatever bytes it is given, reads framed replies. Replies
 * are read through a buffer, as a real client reads them: reading the socket a byte at a time
 * would cost a system call per byte, which the load of {@code bench/mllp} would charge to the
 * listener sharing the machine.
 */
final class MllpClient implements AutoCloseable {

  static final byte VT = 0x0b;
  static final byte FS = 0x1c;
  static final byte CR = 0x0d;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  MllpClient(int port) throws IOException {
    this(new Socket(InetAddress.getLoopbackAddress(), port));
  }

  MllpClient(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
    socket.setTcpNoDelay(true);
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  static byte[] frame(String message) {
    byte[] body = message.getBytes(StandardCharsets.UTF_8);
    byte[] framed = new byte[body.length + 3];
    framed[0] = VT;
    System.arraycopy(body, 0, framed, 1, body.length);
    framed[body.length + 1] = FS;
    framed[body.length + 2] = CR;
    return framed;
  }

  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void write(String text) throws IOException {
    write(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code message} framed and returns the reply. */
  String send(String message) throws IOException {
    write(frame(message));
    return reply();
  }

  /** The next framed reply; throws at the end of the stream. */
  String reply() throws IOException {
    int b;
    do {
      b = in.read();
      if (b < 0) {
        throw new IOException("the listener closed the connection");
      }
    } while (b != VT);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while ((b = in.read()) != FS) {
      if (b < 0) {
        throw new IOException("the reply ended without its end block");
      }
      body.write(b);
    }
    if (in.read() != CR) {
      throw new IOException("the reply's end block is not followed by a carriage return");
    }
    return body.toString(StandardCharsets.UTF_8);
  }

  /** Whether the listener has closed the connection (the next read is the end of the stream). */
  boolean closedByListener() throws IOException {
    try {
      return in.read() < 0;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
