using EfficiencyMisnomer.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Sessions;

/// <summary>
/// ONNX Runtime's exceptions as coded errors: an inference stopped by the watchdog is <c>EM3010</c>, memory that
/// cannot be allocated <c>EM3011</c>, anything else the session's <c>EM3002</c> with ONNX Runtime's first line. No raw
/// ONNX Runtime exception reaches a front end.
/// </summary>
public static class RuntimeFailure
{
    private const string Stopped = "an inference of '{0}' did not finish within its case's time cap and was stopped; the model may loop without end or be far too large for this machine: lower the bindings or raise --time-cap (efficiency.timeCap under NUnit)";
    private const string OutOfMemory = "ONNX Runtime ran out of memory running '{0}' ({1}): lower the batch or the bindings";
    private const string Failed = "ONNX Runtime failed running '{0}': {1}";

    /// <summary>The coded error of <paramref name="e"/>, thrown while running <paramref name="model"/>.</summary>
    public static EfficiencyException Of(OnnxRuntimeException e, string model, bool terminated)
    {
        ArgumentNullException.ThrowIfNull(e);
        var first = UserText.Quote(e.Message.Split('\n')[0].Trim(), 300);
        if (terminated || e.Message.Contains("terminate flag", StringComparison.OrdinalIgnoreCase))
        {
            return new EfficiencyException(ErrorCodes.InferenceStopped, UserText.Format(Stopped, UserText.Quote(model)), Location(model), e);
        }

        return IsOutOfMemory(e.Message)
            ? new EfficiencyException(ErrorCodes.OutOfMemory, UserText.Format(OutOfMemory, UserText.Quote(model), first), Location(model), e)
            : new EfficiencyException(ErrorCodes.SessionFailed, UserText.Format(Failed, UserText.Quote(model), first), Location(model), e);
    }

    /// <summary>Whether ONNX Runtime's message says an allocation failed.</summary>
    public static bool IsOutOfMemory(string message) =>
        message.Contains("bad_alloc", StringComparison.OrdinalIgnoreCase)
        || message.Contains("Failed to allocate", StringComparison.OrdinalIgnoreCase)
        || message.Contains("out of memory", StringComparison.OrdinalIgnoreCase);

    private static SourceLocation? Location(string model) => model.Length == 0 ? null : new SourceLocation(model);

}
