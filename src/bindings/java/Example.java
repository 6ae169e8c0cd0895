// Checks the bundled Norrström–Fjällviken agreement through avtal's C API
// with JNA (Debian libjna-java) and prints the report.
//   javac -cp /usr/share/java/jna.jar -d classes Example.java
//   java -cp /usr/share/java/jna.jar:classes -Davtal.library=/path/libavtal.so.1 Example AGREEMENT.json
import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public final class Example {
    /** size_t. */
    public static final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;
        public SizeT() { this(0); }
        public SizeT(long value) { super(Native.SIZE_T_SIZE, value, true); }
    }

    /** struct avtal_options, field for field. */
    @Structure.FieldOrder({"size", "lang", "format", "all", "reserved", "date", "date_len", "thresholds", "thresholds_len",
                           "source", "source_len", "thresholds_source", "thresholds_source_len"})
    public static final class Options extends Structure {
        public SizeT size = new SizeT();
        public int lang, format, all, reserved;
        public Pointer date, thresholds, source, thresholds_source;
        public SizeT date_len = new SizeT(), thresholds_len = new SizeT(), source_len = new SizeT(), thresholds_source_len = new SizeT();

        public Options() { size = new SizeT(size()); }
    }

    /** The C API of libavtal.so.1 (include/avtal/avtal.h). */
    public interface Avtal extends Library {
        int AVTAL_FORMAT_MARKDOWN = 2;

        int avtal_check(byte[] json, SizeT len, Options opt, PointerByReference out);
        int avtal_result_exit_code(Pointer r);
        Pointer avtal_result_output(Pointer r, SizeTByReference len);
        Pointer avtal_result_errors(Pointer r, SizeTByReference len);
        void avtal_result_free(Pointer r);
        String avtal_status_string(int status);
        String avtal_version();
    }

    /** A size_t out parameter. */
    public static final class SizeTByReference extends com.sun.jna.ptr.ByReference {
        public SizeTByReference() { super(Native.SIZE_T_SIZE); }
        public long value() { return Native.SIZE_T_SIZE == 8 ? getPointer().getLong(0) : getPointer().getInt(0); }
    }

    static String text(Pointer p, long n) {
        return p == null || n == 0 ? "" : new String(p.getByteArray(0, (int) n), StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        // docs:begin other-languages
        Avtal avtal = Native.load(System.getProperty("avtal.library", "avtal"), Avtal.class);
        byte[] json = Files.readAllBytes(Path.of(args[0]));
        Options opt = new Options();
        opt.format = Avtal.AVTAL_FORMAT_MARKDOWN;
        PointerByReference out = new PointerByReference();
        int status = avtal.avtal_check(json, new SizeT(json.length), opt, out);
        if (status != 0) {
            System.err.println("avtal_check: " + avtal.avtal_status_string(status));
            System.exit(2);
        }
        Pointer result = out.getValue();
        int code;
        try { // the strings live as long as the result: copy them out before freeing it
            SizeTByReference len = new SizeTByReference();
            System.out.print(text(avtal.avtal_result_output(result, len), len.value()));
            System.err.print(text(avtal.avtal_result_errors(result, len), len.value()));
            code = avtal.avtal_result_exit_code(result);
        } finally {
            avtal.avtal_result_free(result);
        }
        System.out.println("(avtal " + avtal.avtal_version() + ", exit code " + code + ")");
        // docs:end other-languages
        System.exit(code);
    }
}
