namespace EfficiencyMisnomer.Runtime.Measurement;

/// <summary>Reads the device memory a session uses (CUDA only).</summary>
public interface IGpuMemoryReader
{
    /// <summary>Before the session exists: the baseline.</summary>
    void Begin();

    /// <summary>Bytes added since <see cref="Begin"/> at their peak, or why they cannot be read.</summary>
    Reading End();
}

/// <summary>The reader used until a hardware reader is supplied: always unavailable, with the reason.</summary>
public sealed class NullGpuMemoryReader : IGpuMemoryReader
{
    public static NullGpuMemoryReader Instance { get; } = new();

    public void Begin()
    {
    }

    public Reading End() => Reading.Unavailable("no GPU memory reader is configured");
}
