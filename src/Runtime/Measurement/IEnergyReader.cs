namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>Reads the energy a span of work consumed (NVML for a GPU, RAPL for a CPU): begin before it, end after it.</summary>
public interface IEnergyReader
{
    /// <summary>Starts a span.</summary>
    void Begin();

    /// <summary>Joules since <see cref="Begin"/>, or why they cannot be read.</summary>
    Reading End();
}

/// <summary>The reader used until a hardware reader is supplied: always unavailable, with the reason.</summary>
public sealed class NullEnergyReader : IEnergyReader
{
    public static NullEnergyReader Instance { get; } = new();

    public void Begin()
    {
    }

    public Reading End() => Reading.Unavailable("no energy counter reader (NVML/RAPL) is configured");
}
