// Checks the bundled Norrström–Fjällviken agreement through avtal's C API
// and prints the report, then shows bad input and many threads at once.
//   mcs -target:library -out:Avtal.dll Avtal.cs
//   mcs -r:Avtal.dll -out:Example.exe Example.cs
//   mono Example.exe examples/agreements/norrstrom-fjallviken.json
using System;
using System.IO;
using System.Threading;
using Avtal;

public static class Example
{
    public static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: Example AGREEMENT.json");
            return 2;
        }
        // docs:begin other-languages
        string json = File.ReadAllText(args[0]);
        Console.WriteLine("avtal " + AvtalLibrary.Version() + " (ABI " + AvtalLibrary.AbiVersion() + ")");

        // The report as the command line writes it, in Swedish text.
        Result report = AvtalLibrary.Check(json);
        Console.Write(report.Output);
        Console.WriteLine("exit code " + report.ExitCode);

        // Bad input: exit code 2, the problems as avtal-error/1 JSON and for a person.
        var named = new Options();
        named.Source = "broken.json";
        Result bad = AvtalLibrary.Check("{\"schema\": \"avtal-agreement/1\"}", named);
        Console.WriteLine("bad input: exit code " + bad.ExitCode);
        Console.Write(bad.Errors);
        // docs:end other-languages

        // An English explanation of a rule.
        var english = new Options();
        english.Language = Language.English;
        Console.Write(AvtalLibrary.Explain("compensation.no_profit", english).Output);

        // Eight threads at once, each checking in JSON; every answer equal.
        var json_options = new Options();
        json_options.Format = Format.Json;
        string expected = AvtalLibrary.Check(json, json_options).Output;
        int differ = 0;
        var threads = new Thread[8];
        for (int t = 0; t < threads.Length; ++t)
        {
            threads[t] = new Thread(() => {
                for (int i = 0; i < 200; ++i)
                    if (AvtalLibrary.Check(json, json_options).Output != expected) Interlocked.Increment(ref differ);
            });
            threads[t].Start();
        }
        foreach (Thread t in threads) t.Join();
        Console.WriteLine("8 threads x 200 checks: " + differ + " differ");
        return report.ExitCode == 0 && bad.ExitCode == 2 && differ == 0 ? 0 : 1;
    }
}
