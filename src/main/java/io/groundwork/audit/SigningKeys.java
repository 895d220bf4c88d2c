package io.groundwork.audit;

import io.groundwork.core.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys of the audit checkpoints (the JDK's own EdDSA), in PEM: the private key file
 * holds a {@code PRIVATE KEY} block (PKCS#8) followed by a {@code PUBLIC KEY} block (X.509),
 * because the JDK cannot derive a public key from an EdDSA private key; the public key file
 * holds the {@code PUBLIC KEY} block alone. Stateless and thread-safe.
 */
public final class SigningKeys {
  /** The JDK algorithm name. */
  public static final String ALGORITHM = "Ed25519";
  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

  private SigningKeys() {}

  /** A new key pair. */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
    }
  }

  /** The id checkpoints name their key by: the first 16 hex digits of SHA-256 of its X.509 form. */
  public static String keyId(PublicKey key) {
    return Hashes.sha256(key.getEncoded()).substring(0, 16);
  }

  /** The private key file's text: both blocks. */
  public static String privatePem(KeyPair pair) {
    return pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + publicPem(pair.getPublic());
  }

  /** The public key file's text. */
  public static String publicPem(PublicKey key) {
    return pem("PUBLIC KEY", key.getEncoded());
  }

  /**
   * Reads a private key file written by {@code audit keygen}.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static KeyPair readKeyPair(Path file) {
    String text = read(file);
    byte[] privateDer = block(text, "PRIVATE KEY");
    byte[] publicDer = block(text, "PUBLIC KEY");
    if (privateDer == null) {
      throw new IllegalArgumentException("signing key file " + file
          + " has no PRIVATE KEY block; make one with: groundwork audit keygen --out DIR");
    }
    if (publicDer == null) {
      throw new IllegalArgumentException("signing key file " + file
          + " has no PUBLIC KEY block; make the file with: groundwork audit keygen --out DIR");
    }
    KeyPair pair;
    try {
      KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
      pair = new KeyPair(factory.generatePublic(new X509EncodedKeySpec(publicDer)),
          factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("signing key file " + file + " does not hold an "
          + ALGORITHM + " key pair: " + e.getMessage(), e);
    }
    byte[] probe = "groundwork key check".getBytes(StandardCharsets.UTF_8);
    if (!verify(pair.getPublic(), probe, sign(pair.getPrivate(), probe))) {
      throw new IllegalArgumentException("signing key file " + file
          + ": its PUBLIC KEY block is not the public half of its PRIVATE KEY");
    }
    return pair;
  }

  /**
   * Reads a public key file (or the public block of a private key file).
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static PublicKey readPublicKey(Path file) {
    byte[] der = block(read(file), "PUBLIC KEY");
    if (der == null) {
      throw new IllegalArgumentException("public key file " + file + " has no PUBLIC KEY block");
    }
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("public key file " + file + " does not hold an "
          + ALGORITHM + " public key: " + e.getMessage(), e);
    }
  }

  /** Signs {@code message}. */
  public static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(key);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with " + ALGORITHM, e);
    }
  }

  /** True when {@code signature} is {@code key}'s signature of {@code message}. */
  public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (InvalidKeyException | SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot verify with " + ALGORITHM, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] block(String text, String type) {
    Matcher matcher = PEM.matcher(text);
    while (matcher.find()) {
      if (matcher.group(1).equals(type)) {
        return Base64.getMimeDecoder().decode(matcher.group(2));
      }
    }
    return null;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
