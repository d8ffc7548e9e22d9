namespace EfficiencyMisnomer.Runtime.Inputs;

/// <summary>What an integer or boolean input holds, recognised by the names transformer exporters give it.</summary>
internal enum InputRole
{
    /// <summary>Token ids or any other integer input: seeded values in the token range.</summary>
    Values,

    /// <summary><c>attention_mask</c> and the like: all ones, a batch without padding.</summary>
    Mask,

    /// <summary><c>token_type_ids</c>: all zeros, a single segment.</summary>
    TokenType,

    /// <summary><c>position_ids</c>: 0, 1, ... along the sequence, as without padding.</summary>
    Positions,
}

/// <summary>Recognises <see cref="InputRole"/> from an input's name.</summary>
internal static class InputRoles
{
    public static InputRole Of(string name) =>
        name.Contains("mask", StringComparison.OrdinalIgnoreCase) ? InputRole.Mask
        : name.Contains("token_type", StringComparison.OrdinalIgnoreCase) || name.Contains("segment", StringComparison.OrdinalIgnoreCase) ? InputRole.TokenType
        : name.Contains("position_id", StringComparison.OrdinalIgnoreCase) ? InputRole.Positions
        : InputRole.Values;
}
