using System.Text.Json;
using System.Text.Json.Serialization;

namespace EfficiencyMisnomer.Results;

/// <summary>Refuses a number a double cannot hold (<c>1e400</c> would read as infinity).</summary>
internal sealed class FiniteConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadFinite(ref reader);

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    public static double ReadFinite(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException(JsonProblem.NotANumber);
        }

        return reader.TryGetDouble(out var value) && double.IsFinite(value) ? value : throw new JsonException(JsonProblem.NotFinite);
    }
}
