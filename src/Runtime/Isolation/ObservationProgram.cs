using System.Text.Json;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Runtime.Isolation;

/// <summary>
/// The child's side of an isolated observation: one request as JSON on standard input, one result as a JSON line on
/// standard output. Whatever ONNX Runtime prints goes to standard error, which the parent ignores unless the child fails.
/// </summary>
public static class ObservationProgram
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Reads a request from <paramref name="input"/>, observes it, writes the result to <paramref name="output"/>; the exit code.</summary>
    public static int Run(TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        SessionObservation result;
        try
        {
            var request = JsonSerializer.Deserialize<SessionObservationRequest>(input.ReadToEnd(), Json)
                ?? throw new JsonException("the request is empty");
            result = SessionObserver.Observe(request, isolated: true);
        }
        catch (JsonException e)
        {
            result = SessionObservation.Failed(ErrorCodes.InternalError, "the observation request is not readable: " + e.Message, isolated: true);
        }

        output.WriteLine(Serialize(result));
        output.Flush();
        return result.ErrorCode is null ? 0 : 1;
    }

    internal static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    internal static T? Deserialize<T>(string text) => JsonSerializer.Deserialize<T>(text, Json);
}
