namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>A value read from the machine, or the reason it could not be read (never an exception).</summary>
/// <param name="Value">The value; the type's default when unavailable.</param>
/// <param name="UnavailableReason">Why the value could not be read; null when it was.</param>
public sealed record Reading<T>(T? Value, string? UnavailableReason)
{
    public bool IsAvailable => UnavailableReason is null;

    public Reading<TResult> Select<TResult>(Func<T, TResult> selector) =>
        IsAvailable ? new Reading<TResult>(selector(Value!), null) : new Reading<TResult>(default, UnavailableReason);

    public override string ToString() => IsAvailable ? $"{Value}" : $"unavailable: {UnavailableReason}";
}

/// <summary>Creates <see cref="Reading{T}"/> values.</summary>
public static class Reading
{
    public static Reading<T> Of<T>(T value) => new(value, null);

    public static Reading<T> Unavailable<T>(string reason) => new(default, reason);
}
