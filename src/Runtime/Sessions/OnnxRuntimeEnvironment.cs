using System.Text;
using EfficiencyMisnomer.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Sessions;

/// <summary>
/// The process's one ONNX Runtime environment, created with our logger before anything else asks for it: ONNX
/// Runtime's own messages reach standard error as plain, escaped lines (<c>onnxruntime warning: ...</c>) at the level
/// <see cref="LevelVariable"/> sets (warning by default), never as the native logger's coloured lines. Failures that
/// the product reports itself, such as the CUDA provider that cannot load, are logged at info level only: the verdict
/// (<c>CUDA unavailable</c>, with the loader's reason) is the one line the user sees about them.
/// </summary>
public static class OnnxRuntimeEnvironment
{
    /// <summary>The environment variable that sets the level of ONNX Runtime's messages: verbose, info, warning, error or fatal.</summary>
    public const string LevelVariable = "MISNOMER_ONNXRUNTIME_LOG";

    private const string LogId = "misnomer";

    // ONNX Runtime's messages quote paths and node names; longer ones are cut, the rest counted.
    private const int MessageLength = 1000;

    private static readonly CompositeFormat UnknownLevel = CompositeFormat.Parse(
        "misnomer: {0}={1} is not a log level (verbose, info, warning, error, fatal); ONNX Runtime logs warnings and above");

    private static readonly Lazy<OrtEnv> Environment = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    // Held for the process's lifetime: ONNX Runtime calls it from native code.
    private static readonly DOrtLoggingFunction Callback = Log;

    private static int expected;
    private static OrtLoggingLevel level = OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING;
    private static TextWriter? writer;

    /// <summary>The environment; created with the product's logger unless the host process created one first.</summary>
    public static OrtEnv Instance => Environment.Value;

    /// <summary>
    /// While the returned scope lives, ONNX Runtime's errors and warnings are logged at info level: for a step whose
    /// failure the caller turns into a verdict of its own (a provider probe), so that it is not reported twice.
    /// </summary>
    public static IDisposable ExpectingFailures()
    {
        Interlocked.Increment(ref expected);
        return new Expected();
    }

    /// <summary>Reads a level as <see cref="LevelVariable"/> spells it; null when it is not one.</summary>
    public static OrtLoggingLevel? ParseLevel(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "verbose" => OrtLoggingLevel.ORT_LOGGING_LEVEL_VERBOSE,
        "info" => OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO,
        "warning" or "warn" => OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING,
        "error" => OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        "fatal" => OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
        _ => null,
    };

    /// <summary>
    /// One message as the product prints it, or null below <paramref name="threshold"/>: severity named, text
    /// escaped and bounded (a message may quote a model's names), errors demoted to info while failures are expected.
    /// </summary>
    public static string? Format(OrtLoggingLevel severity, string message, OrtLoggingLevel threshold, bool failuresExpected)
    {
        if (failuresExpected && severity is >= OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING and < OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL)
        {
            severity = OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO;
        }

        if (severity < threshold)
        {
            return null;
        }

        var name = severity switch
        {
            OrtLoggingLevel.ORT_LOGGING_LEVEL_VERBOSE => "verbose",
            OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO => "info",
            OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING => "warning",
            OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR => "error",
            _ => "fatal",
        };
        return $"onnxruntime {name}: {UserText.Quote(message.Trim(), MessageLength)}";
    }

    private static OrtEnv Create()
    {
        if (OrtEnv.IsCreated)
        {
            return OrtEnv.Instance();
        }

        writer = Console.Error;
        var text = System.Environment.GetEnvironmentVariable(LevelVariable);
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (ParseLevel(text) is { } chosen)
            {
                level = chosen;
            }
            else
            {
                writer.WriteLine(UserText.Format(UnknownLevel, LevelVariable, UserText.Quote(text)));
            }
        }

        var options = new EnvironmentCreationOptions { logId = LogId, logLevel = level, loggingFunction = Callback };
        return OrtEnv.CreateInstanceWithOptions(ref options);
    }

    private static void Log(IntPtr param, OrtLoggingLevel severity, string category, string logId, string codeLocation, string message)
    {
        if (Format(severity, message ?? "", level, Volatile.Read(ref expected) > 0) is { } line)
        {
            writer?.WriteLine(line);
        }
    }

    private sealed class Expected : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Decrement(ref expected);
            }
        }
    }
}
