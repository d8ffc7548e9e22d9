namespace EfficiencyMisnomer.Budgets;

/// <summary>The JSON form of a <see cref="GateResult"/>.</summary>
public static class GateResultJson
{
    public static void Write(GateResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write("{}"u8);
    }
}
