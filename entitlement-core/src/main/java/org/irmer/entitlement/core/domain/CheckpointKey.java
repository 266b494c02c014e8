package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that signs and verifies audit checkpoints, with its id. It is held outside the register's
 * database (in a file readable only by the application, or a secret store), so that someone who can
 * write to the database cannot issue a checkpoint over a forged trail (ARCHITECTURE.md,
 * persistence).
 *
 * <p>An Ed25519 key (RFC 8032) may hold only its public half: it then verifies checkpoints but
 * cannot issue them, which is what an auditor is given. An HMAC-SHA256 key (RFC 2104) both issues
 * and verifies. A trust keeps an Ed25519 key as PEM text ({@link #pem()}, read back by {@link
 * #fromPem}): a {@code PRIVATE KEY} block (PKCS#8) followed by a {@code PUBLIC KEY} block (X.509),
 * which {@code openssl genpkey -algorithm ed25519} and {@code openssl pkey -pubout} also write.
 */
public final class CheckpointKey {

  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
  private static final int SMALLEST_HMAC_SECRET = 32;

  private final String keyId;
  private final CheckpointAlgorithm algorithm;
  private final Optional<PrivateKey> privateKey;
  private final Optional<PublicKey> publicKey;
  private final Optional<SecretKeySpec> secret;

  private CheckpointKey(String keyId, CheckpointAlgorithm algorithm, Optional<PrivateKey> privateKey,
      Optional<PublicKey> publicKey, Optional<SecretKeySpec> secret) {
    checkArgument(keyId != null && keyId.matches("[A-Za-z0-9._-]{1,64}"),
        "a key id is 1 to 64 letters, digits, '.', '_' or '-': %s", keyId);
    this.keyId = keyId;
    this.algorithm = algorithm;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.secret = secret;
  }

  /** A new Ed25519 key pair, from the platform's strong random source. */
  public static CheckpointKey generateEd25519(String keyId) {
    try {
      return ed25519(keyId, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    } catch (NoSuchAlgorithmException absent) {
      throw new IllegalStateException("every Java 15+ platform provides Ed25519", absent);
    }
  }

  /** An Ed25519 key pair that issues and verifies checkpoints. */
  public static CheckpointKey ed25519(String keyId, KeyPair pair) {
    checkNotNull(pair, "pair");
    checkArgument(isEd25519(pair.getPublic()) && isEd25519(pair.getPrivate()),
        "not an Ed25519 key pair: %s", pair.getPublic().getAlgorithm());
    return new CheckpointKey(keyId, CheckpointAlgorithm.ED25519, Optional.of(pair.getPrivate()),
        Optional.of(pair.getPublic()), Optional.empty());
  }

  /** The public half of an Ed25519 key: it verifies checkpoints and cannot issue them. */
  public static CheckpointKey ed25519Verifier(String keyId, PublicKey publicKey) {
    checkArgument(isEd25519(checkNotNull(publicKey, "publicKey")), "not an Ed25519 public key: %s",
        publicKey.getAlgorithm());
    return new CheckpointKey(keyId, CheckpointAlgorithm.ED25519, Optional.empty(),
        Optional.of(publicKey), Optional.empty());
  }

  /**
   * An HMAC-SHA256 secret of at least 32 bytes, which issues and verifies checkpoints.
   *
   * @throws IllegalArgumentException when the secret is shorter
   */
  public static CheckpointKey hmacSha256(String keyId, byte[] secret) {
    checkArgument(secret.length >= SMALLEST_HMAC_SECRET,
        "an HMAC-SHA256 checkpoint secret has at least %s bytes, not %s", SMALLEST_HMAC_SECRET,
        secret.length);
    return new CheckpointKey(keyId, CheckpointAlgorithm.HMAC_SHA256, Optional.empty(),
        Optional.empty(), Optional.of(new SecretKeySpec(secret.clone(), "HmacSHA256")));
  }

  /**
   * The Ed25519 key written as PEM: a {@code PUBLIC KEY} block, and a {@code PRIVATE KEY} block
   * before it when the text holds one.
   *
   * @throws IllegalArgumentException when the text holds no Ed25519 public key
   */
  public static CheckpointKey fromPem(String keyId, String pem) {
    Optional<PrivateKey> privateKey = Optional.empty();
    Optional<PublicKey> publicKey = Optional.empty();
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      Matcher block = PEM_BLOCK.matcher(pem);
      while (block.find()) {
        byte[] der = Base64.getMimeDecoder().decode(block.group(2));
        if (block.group(1).equals("PRIVATE KEY")) {
          privateKey = Optional.of(factory.generatePrivate(new PKCS8EncodedKeySpec(der)));
        } else if (block.group(1).equals("PUBLIC KEY")) {
          publicKey = Optional.of(factory.generatePublic(new X509EncodedKeySpec(der)));
        }
      }
    } catch (GeneralSecurityException | IllegalArgumentException malformed) {
      throw new IllegalArgumentException("not an Ed25519 key in PEM: " + malformed.getMessage(),
          malformed);
    }
    checkArgument(publicKey.isPresent(), "the PEM text holds no PUBLIC KEY block");
    return new CheckpointKey(keyId, CheckpointAlgorithm.ED25519, privateKey, publicKey,
        Optional.empty());
  }

  public String keyId() {
    return keyId;
  }

  public CheckpointAlgorithm algorithm() {
    return algorithm;
  }

  /** Whether this key can issue checkpoints (an Ed25519 public key alone cannot). */
  public boolean canSign() {
    return privateKey.isPresent() || secret.isPresent();
  }

  /** This key without its private half: what an auditor is given. The same key for HMAC. */
  public CheckpointKey verifier() {
    return algorithm == CheckpointAlgorithm.ED25519
        ? new CheckpointKey(keyId, algorithm, Optional.empty(), publicKey, Optional.empty())
        : this;
  }

  /**
   * The Ed25519 key as PEM text: its private half (PKCS#8), when held, then its public half.
   *
   * @throws IllegalStateException for an HMAC key, which is kept as its raw secret bytes
   */
  public String pem() {
    checkState(algorithm == CheckpointAlgorithm.ED25519, "an HMAC secret is kept as raw bytes");
    StringBuilder text = new StringBuilder();
    privateKey.ifPresent(key -> text.append(pemBlock("PRIVATE KEY", key.getEncoded())));
    text.append(pemBlock("PUBLIC KEY", publicKey.orElseThrow().getEncoded()));
    return text.toString();
  }

  /**
   * A checkpoint over the record {@code sequence} whose hash is {@code headHash}, issued at
   * {@code issuedAt} and signed with this key.
   *
   * @throws IllegalStateException when this key cannot sign ({@link #canSign()})
   */
  public AuditCheckpoint sign(long sequence, String headHash, Instant issuedAt) {
    checkState(canSign(), "the checkpoint key %s holds only a public key and cannot sign", keyId);
    byte[] content = AuditCheckpoint.signedContent(sequence, headHash, issuedAt, keyId, algorithm);
    try {
      byte[] signature;
      if (algorithm == CheckpointAlgorithm.ED25519) {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey.orElseThrow());
        signer.update(content);
        signature = signer.sign();
      } else {
        signature = hmac(content);
      }
      return new AuditCheckpoint(sequence, headHash, issuedAt, keyId, algorithm,
          Base64.getEncoder().encodeToString(signature));
    } catch (GeneralSecurityException failure) {
      throw new IllegalStateException("the platform could not sign with " + algorithm, failure);
    }
  }

  /**
   * Whether {@code checkpoint} was signed by this key: the same key id and algorithm, and a
   * signature that verifies over its content.
   */
  public boolean verifies(AuditCheckpoint checkpoint) {
    if (!checkpoint.keyId().equals(keyId) || checkpoint.algorithm() != algorithm) {
      return false;
    }
    byte[] signature = Base64.getDecoder().decode(checkpoint.signature());
    try {
      if (algorithm == CheckpointAlgorithm.ED25519) {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey.orElseThrow());
        verifier.update(checkpoint.signedContent());
        return verifier.verify(signature);
      }
      return MessageDigest.isEqual(hmac(checkpoint.signedContent()), signature);
    } catch (SignatureException malformed) {
      return false;
    } catch (GeneralSecurityException failure) {
      throw new IllegalStateException("the platform could not verify " + algorithm, failure);
    }
  }

  private byte[] hmac(byte[] content) throws NoSuchAlgorithmException, InvalidKeyException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(secret.orElseThrow());
    return mac.doFinal(content);
  }

  private static boolean isEd25519(java.security.Key key) {
    return key.getAlgorithm().equals("Ed25519") || key.getAlgorithm().equals("EdDSA");
  }

  private static String pemBlock(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  /** The key id and algorithm; never the key itself. */
  @Override
  public String toString() {
    return "CheckpointKey[" + keyId + ", " + algorithm + (canSign() ? "" : ", verify only") + "]";
  }
}
