package dev.portico.jca.codec;

import java.io.ByteArrayOutputStream;

/** Small pickles whose decoding would take far more work than their size: the attacks of issue 8, item 1. */
public final class AttackPickles {

    private AttackPickles() {
    }

    /**
     * The 12 KB pickle: a tuple shared 2^18 times used as a dict key 2,000 times; each key
     * hashed the 2^18 tuples again, which held the rental listener for 29 s.
     */
    public static byte[] sharedTupleAsKey() {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.writeBytes(new byte[] {(byte) 0x80, 2, 'K', 1, (byte) 0x85});       // t = (1,)
        for (int level = 0; level < 18; level++) {
            pickle.writeBytes(new byte[] {'2', (byte) 0x86});                        // t = (t, t)
        }
        pickle.writeBytes(new byte[] {'q', 0});
        for (int i = 0; i < 2000; i++) {
            pickle.writeBytes(new byte[] {'}', 'h', 0, 'N', 's', '0'});              // {t: None}, dropped
        }
        pickle.writeBytes(new byte[] {'N', '.'});
        return pickle.toByteArray();
    }

    /**
     * A dict of {@code keys} distinct tuples {@code (i, c - 31 i)} that all hash alike as Java
     * lists: every insertion compares the new key with every key before it.
     */
    public static byte[] collidingKeys(int keys) {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.writeBytes(new byte[] {(byte) 0x80, 2, '}', '('});
        for (int i = 0; i < keys; i++) {
            int second = 1_000_000 - 31 * i;
            pickle.writeBytes(new byte[] {'M', (byte) i, (byte) (i >> 8), 'J',
                    (byte) second, (byte) (second >> 8), (byte) (second >> 16), (byte) (second >> 24), (byte) 0x86, 'N'});
        }
        pickle.writeBytes(new byte[] {'u', '.'});
        return pickle.toByteArray();
    }
}
