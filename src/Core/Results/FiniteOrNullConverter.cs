using System.Text.Json;
using System.Text.Json.Serialization;

namespace EfficiencyMisnomer.Results;

/// <summary>Writes NaN and infinities as null; reads null as null and refuses a number a double cannot hold.</summary>
internal sealed class FiniteOrNullConverter : JsonConverter<double?>
{
    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : FiniteConverter.ReadFinite(ref reader);

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
