using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Cli;

/// <summary>How much a command prints besides its result: <c>--quiet</c> errors only, <c>--verbose</c> everything.</summary>
internal enum Verbosity
{
    Quiet,
    Normal,
    Verbose,
}

/// <summary>
/// The options every command shares (<c>--verbose</c>, <c>--quiet</c>), made once per command line, and what they do to
/// diagnostics and progress lines.
/// </summary>
internal sealed class ConsoleOutput
{
    /// <summary>Diagnostics of one code, severity and file shown in full before the rest are folded into one line.</summary>
    public const int Shown = 2;

    /// <summary>Seconds between progress lines when output is not a live terminal.</summary>
    public static readonly TimeSpan PlainProgressInterval = TimeSpan.FromSeconds(5);

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Print every diagnostic and progress line.", Recursive = true };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only errors and the results.", Recursive = true };

    public static Verbosity Of(ParseResult result, ConsoleOutput options) =>
        result.GetValue(options.Quiet) ? Verbosity.Quiet : result.GetValue(options.Verbose) ? Verbosity.Verbose : Verbosity.Normal;

    /// <summary>
    /// Writes <paramref name="diagnostics"/>: every error; warnings and infos unless quiet, those of one code and severity
    /// in one file beyond the first <see cref="Shown"/> folded into a line with their count (all of them when verbose).
    /// </summary>
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer, Verbosity verbosity)
    {
        var folded = new Dictionary<(DiagnosticSeverity, string, string?), int>();
        var order = new List<(DiagnosticSeverity Severity, string Code, string? File)>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error || verbosity == Verbosity.Verbose)
            {
                writer.WriteLine(diagnostic.ToString());
                continue;
            }

            if (verbosity == Verbosity.Quiet)
            {
                continue;
            }

            var key = (diagnostic.Severity, diagnostic.Code, diagnostic.Location?.File);
            var seen = folded.GetValueOrDefault(key);
            folded[key] = seen + 1;
            if (seen == 0)
            {
                order.Add(key);
            }

            if (seen < Shown)
            {
                writer.WriteLine(diagnostic.ToString());
            }
        }

        foreach (var key in order.Where(k => folded[k] > Shown))
        {
            var where = key.File is { } file ? UserText.Quote(file) + ": " : "";
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{where}{Severity(key.Severity)} {key.Code}: {folded[key] - Shown} more like the above, folded; -v lists them"));
        }
    }

    /// <summary>
    /// Where progress lines go: every line when verbose; none when quiet. Otherwise, on a live terminal, each case's
    /// start on a line of its own and its progress rewriting one status line in place; in a redirected or CI log, the
    /// lines that start a case, and the others at most every <see cref="PlainProgressInterval"/>, so the log stays short.
    /// </summary>
    public static ProgressLine Progress(TextWriter writer, Verbosity verbosity) =>
        new(writer, verbosity, verbosity == Verbosity.Normal && IsLiveTerminal(writer));

    /// <summary>Whether <paramref name="writer"/> is this process's standard error on a terminal outside CI.</summary>
    private static bool IsLiveTerminal(TextWriter writer) =>
        ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected
        && Environment.GetEnvironmentVariable("CI") is null or "" && Environment.GetEnvironmentVariable("TERM") is not "dumb";

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "error",
    };
}

/// <summary>Progress lines as <see cref="ConsoleOutput.Progress"/> describes; <see cref="Complete"/> ends a status line left open.</summary>
internal sealed class ProgressLine
{
    private readonly TextWriter writer;
    private readonly Verbosity verbosity;
    private readonly bool live;
    private readonly Stopwatch last = Stopwatch.StartNew();
    private bool open;

    public ProgressLine(TextWriter writer, Verbosity verbosity, bool live)
    {
        this.writer = writer;
        this.verbosity = verbosity;
        this.live = live;
    }

    public void Report(string line)
    {
        if (verbosity == Verbosity.Quiet)
        {
            return;
        }

        var starts = line.StartsWith("measuring ", StringComparison.Ordinal) || line.StartsWith("observing ", StringComparison.Ordinal)
            || line.StartsWith("running ", StringComparison.Ordinal);
        if (verbosity == Verbosity.Verbose || (!live && (starts || last.Elapsed >= ConsoleOutput.PlainProgressInterval)))
        {
            writer.WriteLine("  " + line);
            last.Restart();
        }
        else if (live)
        {
            // Erase the status line and write the new one in its place; a case start gets a line of its own.
            writer.Write("\r\u001b[2K  " + line + (starts ? Environment.NewLine : ""));
            open = !starts;
        }
    }

    /// <summary>Ends the status line, so that what is printed next starts on a line of its own.</summary>
    public void Complete()
    {
        if (open)
        {
            writer.WriteLine();
            open = false;
        }
    }
}

