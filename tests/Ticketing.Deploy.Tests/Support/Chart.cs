using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ticketing.Deploy.Tests.Support;

/// <summary>
/// The Helm chart helm/ticketing read as text: no helm here, so templates are analysed rather than rendered.
/// Includes are expanded from the chart's own defines (honouring nindent), which is enough to see which
/// environment variables, ports and probes a workload declares.
/// </summary>
internal static partial class Chart
{
    public static string Dir => Repo.PathOf("helm", "ticketing");

    public static string TemplatesDir => Path.Combine(Dir, "templates");

    public static IReadOnlyList<string> TemplateFiles() =>
        [.. Directory.EnumerateFiles(TemplatesDir, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".tpl", StringComparison.Ordinal)
                        || f.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    public static string Template(string name) => Repo.Read("helm", "ticketing", "templates", name);

    public static Dictionary<string, object?> Values() => Yaml.LoadMap(Repo.Read("helm", "ticketing", "values.yaml"));

    public static JsonElement Schema()
    {
        using var document = JsonDocument.Parse(Repo.Read("helm", "ticketing", "values.schema.json"));
        return document.RootElement.Clone();
    }

    /// <summary>The template with every <c>include</c> of a chart define replaced by the define's text.</summary>
    public static string Expanded(string name) => ExpandIncludes(Template(name), Defines(Template("_helpers.tpl")), 0);

    /// <summary>
    /// The <c>.Values</c> paths a template uses (dotted, without "Values."), with variables assigned from
    /// <c>.Values</c> (e.g. <c>$np := .Values.networkPolicy</c>, then <c>$np.postgres.port</c>) resolved.
    /// </summary>
    public static SortedSet<string> ValuesPaths(string text)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in ValuesPath().Matches(text))
        {
            paths.Add(match.Groups["path"].Value.TrimStart('.'));
        }

        foreach (Match alias in ValuesAlias().Matches(text))
        {
            var target = alias.Groups["path"].Value.TrimStart('.');
            var use = new Regex(@"\$" + Regex.Escape(alias.Groups["var"].Value) + @"(?<path>(?:\.[A-Za-z_][A-Za-z0-9_]*)+)");
            foreach (Match used in use.Matches(text))
            {
                paths.Add(target + used.Groups["path"].Value);
            }
        }

        return paths;
    }

    /// <summary>The chart's named templates: name to body.</summary>
    public static Dictionary<string, string> Defines(string text)
    {
        var defines = new Dictionary<string, string>(StringComparer.Ordinal);
        var open = new Stack<(string Word, string? Name, int BodyStart)>();
        foreach (Match action in Action().Matches(text))
        {
            var body = action.Groups["body"].Value.Trim();
            var word = FirstWord(body);
            if (word is "if" or "range" or "with" or "define" or "block")
            {
                var name = word == "define" ? DefineName().Match(body).Groups["name"].Value : null;
                open.Push((word, name, action.Index + action.Length));
            }
            else if (word == "end" && open.Count > 0)
            {
                var (opened, name, start) = open.Pop();
                if (opened == "define" && name is not null)
                {
                    defines[name] = text[start..action.Index].TrimStart('\r', '\n').TrimEnd();
                }
            }
        }

        return defines;
    }

    /// <summary>What is wrong with the template syntax: unbalanced delimiters or blocks, includes of no define.</summary>
    public static List<string> SyntaxProblems(string text, IReadOnlySet<string> defineNames)
    {
        var problems = new List<string>();
        var opens = Regex.Count(text, @"\{\{");
        var closes = Regex.Count(text, @"\}\}");
        if (opens != closes)
        {
            problems.Add($"{opens} '{{{{' but {closes} '}}}}'");
        }

        var blocks = new Stack<string>();
        foreach (Match action in Action().Matches(text))
        {
            var body = action.Groups["body"].Value.Trim();
            if (body.StartsWith("/*", StringComparison.Ordinal))
            {
                continue;
            }

            switch (FirstWord(body))
            {
                case "if" or "range" or "with" or "define" or "block":
                    blocks.Push(FirstWord(body));
                    break;
                case "else" when blocks.Count == 0 || blocks.Peek() is "define" or "block":
                    problems.Add($"'else' outside if/with/range at offset {action.Index}");
                    break;
                case "end" when blocks.Count == 0:
                    problems.Add($"'end' without a block at offset {action.Index}");
                    break;
                case "end":
                    blocks.Pop();
                    break;
            }
        }

        if (blocks.Count > 0)
        {
            problems.Add($"unclosed blocks: {string.Join(", ", blocks)}");
        }

        foreach (Match include in IncludeName().Matches(text))
        {
            if (!defineNames.Contains(include.Groups["name"].Value))
            {
                problems.Add($"include of \"{include.Groups["name"].Value}\", which no define provides");
            }
        }

        return problems;
    }

    /// <summary>
    /// The lines under the first <c>key:</c> line at or after <paramref name="from"/> (a line holding just the key),
    /// up to the next line of content indented no deeper than it. Lines that are only template actions or
    /// comments are left out and do not end the block.
    /// </summary>
    public static List<string> Block(string text, string key, int from = 0)
    {
        var lines = text.Split('\n');
        var keyLine = new Regex("^(?<indent> *)" + Regex.Escape(key) + @":\s*$");
        for (var i = from; i < lines.Length; i++)
        {
            var match = keyLine.Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var indent = match.Groups["indent"].Value.Length;
            var block = new List<string>();
            for (var j = i + 1; j < lines.Length; j++)
            {
                var trimmed = lines[j].Trim();
                if (trimmed.Length == 0 || trimmed.StartsWith('#') || (trimmed.StartsWith("{{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal)))
                {
                    continue;
                }

                if (lines[j].Length - lines[j].TrimStart(' ').Length <= indent)
                {
                    break;
                }

                block.Add(lines[j]);
            }

            return block;
        }

        return [];
    }

    /// <summary>The <c>- name: X</c> entries of a list block (environment variables, ports).</summary>
    public static List<string> ListNames(IEnumerable<string> block) =>
        [.. block.Select(line => ListName().Match(line)).Where(m => m.Success).Select(m => m.Groups["name"].Value)];

    /// <summary>The value of the first <c>key: value</c> line of a block, or null.</summary>
    public static string? Scalar(IEnumerable<string> block, string key) => block
        .Select(line => new Regex(@"^\s*(- )?" + Regex.Escape(key) + @":\s*(?<value>\S.*?)\s*$").Match(line))
        .Where(m => m.Success)
        .Select(m => m.Groups["value"].Value.Trim('"'))
        .FirstOrDefault();

    /// <summary>A template expression <c>{{ .Values.a.b }}</c> (with pipes) resolved against the values, else the text.</summary>
    public static string Resolve(string expression, Dictionary<string, object?> values)
    {
        var match = new Regex(@"^\{\{-?\s*\.Values\.(?<path>[\w.]+)\s*(\|\s*quote\s*)?-?\}\}$").Match(expression.Trim());
        return match.Success && Yaml.TryGet(values, match.Groups["path"].Value, out var value)
            ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""
            : expression;
    }

    private static string ExpandIncludes(string text, Dictionary<string, string> defines, int depth)
    {
        var output = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var include = IncludeLine().Match(line);
            if (!include.Success || depth > 8 || !defines.TryGetValue(include.Groups["name"].Value, out var body))
            {
                output.Add(line);
                continue;
            }

            var indent = include.Groups["n"].Success
                ? int.Parse(include.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)
                : include.Groups["indent"].Value.Length;
            var pad = new string(' ', indent);
            output.AddRange(ExpandIncludes(body, defines, depth + 1).Split('\n').Select(l => l.Length == 0 ? l : pad + l));
        }

        return string.Join('\n', output);
    }

    private static string FirstWord(string actionBody)
    {
        var trimmed = actionBody.TrimStart('-', ' ', '\t', '\r', '\n');
        var end = trimmed.IndexOfAny([' ', '\t', '\r', '\n']);
        return end < 0 ? trimmed : trimmed[..end];
    }

    [GeneratedRegex(@"\{\{-?(?<body>.*?)-?\}\}", RegexOptions.Singleline)]
    private static partial Regex Action();

    [GeneratedRegex(@"define\s+""(?<name>[^""]+)""")]
    private static partial Regex DefineName();

    [GeneratedRegex(@"include\s+""(?<name>[^""]+)""")]
    private static partial Regex IncludeName();

    [GeneratedRegex(@"^(?<indent>\s*)\{\{-?\s*include\s+""(?<name>[^""]+)""[^|}]*(\|\s*n?indent\s+(?<n>\d+))?\s*-?\}\}\s*$")]
    private static partial Regex IncludeLine();

    [GeneratedRegex(@"\.Values(?<path>(?:\.[A-Za-z_][A-Za-z0-9_]*)+)")]
    private static partial Regex ValuesPath();

    [GeneratedRegex(@"\$(?<var>[A-Za-z_][A-Za-z0-9_]*)\s*:?=\s*\$?\.Values(?<path>(?:\.[A-Za-z_][A-Za-z0-9_]*)+)")]
    private static partial Regex ValuesAlias();

    [GeneratedRegex(@"^\s*- name:\s*(?<name>[^\s#]+)\s*$")]
    private static partial Regex ListName();
}
