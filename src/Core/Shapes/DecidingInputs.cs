using System.Globalization;
using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;
using EfficiencyMisnomer.Tensors;

namespace EfficiencyMisnomer.Shapes;

/// <summary>
/// What would make a value computed at run time (an If's condition) known before it: the model inputs it is computed
/// from. A spec can declare the value of a small input (a sample rate, a flag); an input of more than
/// <see cref="TensorValue.MaxElements"/> elements (an image, a waveform) is data, whose content only a run knows, so
/// advising to declare it would send the user after something the analysis could never use.
/// </summary>
internal static class DecidingInputs
{
    /// <summary>A sentence, ending with a period, that says what decides the condition <paramref name="value"/>.</summary>
    public static string OfCondition(OnnxModel model, string value, Func<string, TensorType?> typeOf)
    {
        var inputs = ValueSources.InputsBehind(model, value);
        if (inputs.Count == 0)
        {
            return "Its condition is computed at run time from no input of the model.";
        }

        var data = inputs.Where(i => typeOf(i)?.Shape?.ElementCount is > TensorValue.MaxElements).ToList();
        if (data.Count > 0)
        {
            var sizes = string.Join(", ", data.Select(i => $"'{UserText.Quote(i)}' ({typeOf(i)!.Shape!.ElementCount!.Value.ToString("N0", CultureInfo.InvariantCulture)} elements)"));
            return $"Its condition depends on the content of {sizes}, more than the {TensorValue.MaxElements.ToString("N0", CultureInfo.InvariantCulture)} elements "
                + "a declared value may hold: only a run decides it, and nothing in the spec can.";
        }

        return $"Its condition is computed at run time from input(s) {string.Join(", ", inputs.Select(i => $"'{UserText.Quote(i)}'"))}; "
            + $"declare the value the model is used with to cost only the branch that runs, e.g. 'inputs: {{ {UserText.Quote(inputs[0])}: {{ value: ... }} }}' under the model in the spec.";
    }
}
