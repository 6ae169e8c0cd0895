// avtal for .NET: a P/Invoke wrapper over the C API of libavtal.so.1
// (include/avtal/avtal.h). Results are held by a SafeHandle, so the native
// result is freed exactly once even when an exception interrupts. The code
// is limited to what both Mono's mcs and .NET 8 compile (see README.md).
using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Avtal
{
    /// <summary>The output format of a command.</summary>
    public enum Format
    {
        /// <summary>Plain text for an 80-column terminal.</summary>
        Text = 0,
        /// <summary>JSON: avtal-report/1 and friends, one report per line.</summary>
        Json = 1,
        /// <summary>Markdown for a decision memo (tjänsteskrivelse); Check only.</summary>
        Markdown = 2,
    }

    /// <summary>The language of messages and reports.</summary>
    public enum Language
    {
        /// <summary>Swedish (the default).</summary>
        Swedish = 0,
        /// <summary>English.</summary>
        English = 1,
    }

    /// <summary>How a command runs and writes; the defaults are Swedish text.</summary>
    public sealed class Options
    {
        /// <summary>Language of messages and reports.</summary>
        public Language Language = Language.Swedish;
        /// <summary>Output format.</summary>
        public Format Format = Format.Text;
        /// <summary>List satisfied findings too (Check).</summary>
        public bool All;
        /// <summary>YYYY-MM-DD overriding each agreement's assessment_date, or null.</summary>
        public string Date;
        /// <summary>A threshold table document (JSON) replacing or extending the built-in limits, or null.</summary>
        public string Thresholds;
        /// <summary>The input's name in messages, or null for "-".</summary>
        public string Source;
    }

    /// <summary>What a command gave back, copied out of the native result.</summary>
    public sealed class Result
    {
        /// <summary>0 ok, 1 violations, 2 bad input, 3 incomplete: the command line's exit codes.</summary>
        public int ExitCode { get; internal set; }
        /// <summary>The report(s) in the chosen format (the command line's standard output).</summary>
        public string Output { get; internal set; }
        /// <summary>Problems for a person, one per line (the command line's standard error).</summary>
        public string Errors { get; internal set; }
        /// <summary>Every unreadable document as an avtal-error/1 JSON object, one per line.</summary>
        public string Problems { get; internal set; }
    }

    /// <summary>A call that did not run: a null argument, an invalid option, out of memory.</summary>
    public sealed class AvtalException : Exception
    {
        /// <summary>The avtal_status of the call.</summary>
        public int Status { get; private set; }

        internal AvtalException(int status, string message) : base(message) { Status = status; }
    }

    /// <summary>Owns one avtal_result and frees it with avtal_result_free.</summary>
    internal sealed class ResultHandle : SafeHandle
    {
        public ResultHandle() : base(IntPtr.Zero, true) { }

        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }

        protected override bool ReleaseHandle()
        {
            Native.avtal_result_free(handle);
            return true;
        }
    }

    /// <summary>struct avtal_options, field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeOptions
    {
        public UIntPtr size;
        public int lang;
        public int format;
        public int all;
        public int reserved;
        public IntPtr date;
        public UIntPtr date_len;
        public IntPtr thresholds;
        public UIntPtr thresholds_len;
        public IntPtr source;
        public UIntPtr source_len;
        public IntPtr thresholds_source;
        public UIntPtr thresholds_source_len;
    }

    internal static class Native
    {
        // The SONAME, so that only an ABI-compatible library is loaded.
        private const string Library = "libavtal.so.1";

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int avtal_check(byte[] json, UIntPtr len, ref NativeOptions opt, out ResultHandle result);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int avtal_allocate(byte[] json, UIntPtr len, ref NativeOptions opt, out ResultHandle result);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int avtal_forms(byte[] json, UIntPtr len, ref NativeOptions opt, out ResultHandle result);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int avtal_explain(byte[] id, UIntPtr len, ref NativeOptions opt, out ResultHandle result);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int avtal_guide(byte[] json, UIntPtr len, ref NativeOptions opt, out ResultHandle result);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int avtal_thresholds(ref NativeOptions opt, out ResultHandle result);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int avtal_result_exit_code(ResultHandle r);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr avtal_result_output(ResultHandle r, out UIntPtr len);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr avtal_result_errors(ResultHandle r, out UIntPtr len);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr avtal_result_problems(ResultHandle r, out UIntPtr len);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern void avtal_result_free(IntPtr r);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr avtal_status_string(int status);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr avtal_version();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int avtal_abi_version();
    }

    /// <summary>The commands of avtal: Check, Allocate, Thresholds, Forms, Explain. Thread-safe.</summary>
    public static class AvtalLibrary
    {
        private delegate int Command(byte[] input, UIntPtr len, ref NativeOptions opt, out ResultHandle result);

        /// <summary>Checks every agreement of a document (one agreement, a JSON array, or JSON Lines).</summary>
        public static Result Check(string json, Options options = null) { return Run(Native.avtal_check, json, options); }

        /// <summary>The allocation of one agreement's compensation over the parties (text or JSON).</summary>
        public static Result Allocate(string json, Options options = null) { return Run(Native.avtal_allocate, json, options); }

        /// <summary>The forms of cooperation suited to a need (avtal-needs/1), best first.</summary>
        public static Result Forms(string json, Options options = null) { return Run(Native.avtal_forms, json, options); }

        /// <summary>A rule's or procurement exception's id, severity, texts and citation.</summary>
        public static Result Explain(string ruleId, Options options = null) { return Run(Native.avtal_explain, ruleId, options); }

        /// <summary>SKR's method guide for one agreement, with the progress the check decides (text or Markdown).</summary>
        public static Result Guide(string json, Options options = null) { return Run(Native.avtal_guide, json, options); }

        /// <summary>The direct-award limits: every row, or those in force on Options.Date.</summary>
        public static Result Thresholds(Options options = null)
        {
            return Run(delegate(byte[] input, UIntPtr len, ref NativeOptions opt, out ResultHandle result) {
                return Native.avtal_thresholds(ref opt, out result);
            }, "", options);
        }

        /// <summary>The library's version, e.g. 1.0.0.</summary>
        public static string Version() { return Marshal.PtrToStringAnsi(Native.avtal_version()); }

        /// <summary>The library's ABI version (the 1 of libavtal.so.1).</summary>
        public static int AbiVersion() { return Native.avtal_abi_version(); }

        private static Result Run(Command command, string input, Options options)
        {
            if (input == null) throw new ArgumentNullException("input");
            Options o = options ?? new Options();
            byte[] bytes = Encoding.UTF8.GetBytes(input);
            var native = new NativeOptions();
            native.size = new UIntPtr((uint)Marshal.SizeOf(typeof(NativeOptions)));
            native.lang = (int)o.Language;
            native.format = (int)o.Format;
            native.all = o.All ? 1 : 0;
            var pinned = new IntPtr[3];
            try
            {
                native.date = Utf8(o.Date, out native.date_len, pinned, 0);
                native.thresholds = Utf8(o.Thresholds, out native.thresholds_len, pinned, 1);
                native.source = Utf8(o.Source, out native.source_len, pinned, 2);
                ResultHandle handle;
                int status = command(bytes, new UIntPtr((uint)bytes.Length), ref native, out handle);
                using (handle)
                {
                    if (status != 0)
                        throw new AvtalException(status, Marshal.PtrToStringAnsi(Native.avtal_status_string(status)));
                    var r = new Result();
                    r.ExitCode = Native.avtal_result_exit_code(handle);
                    UIntPtr len;
                    r.Output = Text(Native.avtal_result_output(handle, out len), len);
                    r.Errors = Text(Native.avtal_result_errors(handle, out len), len);
                    r.Problems = Text(Native.avtal_result_problems(handle, out len), len);
                    return r;
                }
            }
            finally
            {
                foreach (IntPtr p in pinned)
                    if (p != IntPtr.Zero) Marshal.FreeHGlobal(p);
            }
        }

        // A copy of `s` in UTF-8 in unmanaged memory (freed by Run), or zero for null.
        private static IntPtr Utf8(string s, out UIntPtr len, IntPtr[] owned, int slot)
        {
            len = UIntPtr.Zero;
            if (s == null) return IntPtr.Zero;
            byte[] b = Encoding.UTF8.GetBytes(s);
            IntPtr p = Marshal.AllocHGlobal(b.Length + 1);
            owned[slot] = p;
            Marshal.Copy(b, 0, p, b.Length);
            len = new UIntPtr((uint)b.Length);
            return p;
        }

        private static string Text(IntPtr p, UIntPtr len)
        {
            int n = checked((int)len.ToUInt64());
            if (p == IntPtr.Zero || n == 0) return "";
            var b = new byte[n];
            Marshal.Copy(p, b, 0, n);
            return Encoding.UTF8.GetString(b);
        }
    }
}
