using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Html;

/// <summary>
/// Cross-site scripting rules (CWE-79). CAPEC: 63 cross-site scripting, 243 XSS targeting HTML attributes,
/// 244 XSS targeting URI placeholders, 588 DOM-based XSS, 199 XSS using alternate syntax (encoded, assembled or
/// obfuscated script).
/// </summary>
internal static class XssRules
{
    private const string F = ThreatCategory.Xss;
    private const int Cwe = 79;

    // Markup: elements and attributes a browser turns into script.
    public static readonly RuleDefinition ScriptTag = new("xss.script_tag", F, 0.95, 0.65, 0.99,
        "script element", Cwe, 63);

    public static readonly RuleDefinition ScriptTagMention = new("xss.script_tag_mention", F, 0.4, 0.1, 0.7,
        "script element named in a sentence (\"the <script> tag\")", Cwe, 63);

    public static readonly RuleDefinition ScriptEndTag = new("xss.script_end_tag", F, 0.7, 0.4, 0.9,
        "script end tag closes the page's script block", Cwe, 63);

    public static readonly RuleDefinition EventHandler = new("xss.event_handler", F, 0.92, 0.62, 0.98,
        "event-handler attribute runs script", Cwe, 243);

    public static readonly RuleDefinition EmptyEventHandler = new("xss.empty_event_handler", F, 0.6, 0.3, 0.85,
        "event-handler attribute without a value on an injected tag", Cwe, 243);

    public static readonly RuleDefinition AttributeBreakout = new("xss.attribute_breakout", F, 0.85, 0.55, 0.95,
        "quote closes an attribute value and an event handler that calls script follows", Cwe, 243);

    public static readonly RuleDefinition ScriptUrlAttribute = new("xss.script_url_attribute", F, 0.92, 0.62, 0.98,
        "URL attribute with a script scheme", Cwe, 244);

    public static readonly RuleDefinition Srcdoc = new("xss.srcdoc", F, 0.9, 0.6, 0.97,
        "srcdoc embeds a whole HTML document", Cwe, 63);

    public static readonly RuleDefinition ActiveContentTag = new("xss.active_content_tag", F, 0.8, 0.5, 0.95,
        "element that loads or runs active content", Cwe, 63);

    public static readonly RuleDefinition BareActiveContentTag = new("xss.bare_active_content_tag", F, 0.65, 0.35, 0.9,
        "active-content element without attributes", Cwe, 63);

    public static readonly RuleDefinition CarrierTag = new("xss.carrier_tag", F, 0.45, 0.15, 0.75,
        "element often used to carry script", Cwe, 63);

    public static readonly RuleDefinition ExternalScriptResource = new("xss.external_script_resource", F, 0.72, 0.42, 0.92,
        "element pulls an external stylesheet, binding or data island", Cwe, 63);

    public static readonly RuleDefinition AnimatedAttribute = new("xss.animated_attribute", F, 0.8, 0.5, 0.95,
        "SVG animation rewrites a link or event attribute", Cwe, 243);

    public static readonly RuleDefinition MetaHeader = new("xss.meta_header", F, 0.75, 0.45, 0.92,
        "meta http-equiv sets a header (stylesheet link, cookie, CSP) from markup", Cwe, 63);

    public static readonly RuleDefinition MetaRefresh = new("xss.meta_refresh", F, 0.8, 0.5, 0.95,
        "meta refresh to a script URL or another site", Cwe, 244);

    public static readonly RuleDefinition RawtextBreakout = new("xss.rawtext_breakout", F, 0.85, 0.55, 0.95,
        "attribute value closes a raw-text element and opens a tag (mutation XSS)", Cwe, 63);

    public static readonly RuleDefinition TemplateDirective = new("xss.template_directive", F, 0.7, 0.4, 0.9,
        "client-side framework directive that renders HTML or evaluates an expression", Cwe, 63);

    public static readonly RuleDefinition CssExpression = new("xss.css_expression", F, 0.8, 0.5, 0.95,
        "CSS that executes script (expression, behavior, binding)", Cwe, 63);

    public static readonly RuleDefinition CssScriptUrl = new("xss.css_script_url", F, 0.92, 0.62, 0.98,
        "script URL or remote stylesheet loaded from CSS (url(), @import)", Cwe, 63);

    // URLs outside markup.
    public static readonly RuleDefinition SplitScriptScheme = new("xss.split_script_scheme", F, 0.93, 0.63, 0.98,
        "script URL scheme split by tabs, newlines or control characters that browsers ignore", Cwe, 199);

    public static readonly RuleDefinition ScriptUrl = new("xss.script_url", F, 0.88, 0.58, 0.97,
        "script URL scheme followed by code", Cwe, 244);

    public static readonly RuleDefinition ScriptSchemeMention = new("xss.script_scheme", F, 0.45, 0.15, 0.75,
        "script URL scheme without code after it", Cwe, 244);

    public static readonly RuleDefinition DataHtmlUrl = new("xss.data_html_url", F, 0.85, 0.55, 0.95,
        "data: URL carrying an HTML document", Cwe, 244);

    // Script context: JavaScript the input would add to a page.
    public static readonly RuleDefinition JsStringBreakout = new("xss.js_string_breakout", F, 0.88, 0.58, 0.97,
        "quote closes a JavaScript string and calls a sink", Cwe, 63);

    public static readonly RuleDefinition JsSinkCall = new("xss.js_sink_call", F, 0.75, 0.45, 0.92,
        "call of a JavaScript sink used to prove script execution", Cwe, 63);

    public static readonly RuleDefinition InlineSinkCall = new("xss.inline_sink_call", F, 0.62, 0.32, 0.85,
        "JavaScript sink call inside other text", Cwe, 63);

    public static readonly RuleDefinition SinkAlias = new("xss.sink_alias", F, 0.75, 0.45, 0.92,
        "a script sink taken as a value to call it indirectly", Cwe, 199);

    public static readonly RuleDefinition ComputedSinkCall = new("xss.computed_sink_call", F, 0.85, 0.55, 0.95,
        "a global object's property chosen by an expression and called, or a parenthesised sink called", Cwe, 199);

    public static readonly RuleDefinition FunctionConstructor = new("xss.function_constructor", F, 0.88, 0.58, 0.97,
        "Function constructor reached and called to compile a string", Cwe, 63);

    public static readonly RuleDefinition EncodedPayloadEval = new("xss.encoded_payload_eval", F, 0.9, 0.6, 0.97,
        "string decoded at run time and evaluated", Cwe, 199);

    public static readonly RuleDefinition DynamicImport = new("xss.dynamic_import", F, 0.8, 0.5, 0.95,
        "dynamic import of a script from another origin or a data URL", Cwe, 63);

    public static readonly RuleDefinition ConcatenatedSink = new("xss.concatenated_sink", F, 0.8, 0.5, 0.95,
        "script sink assembled from concatenated string pieces", Cwe, 199);

    public static readonly RuleDefinition SymbolOnlyScript = new("xss.symbol_only_script", F, 0.85, 0.55, 0.95,
        "JavaScript written only with brackets, parentheses, ! and + (JSFuck style)", Cwe, 199);

    public static readonly RuleDefinition ClientTemplate = new("xss.client_template", F, 0.9, 0.6, 0.97,
        "client-side template expression escapes the framework sandbox or calls a sink", Cwe, 63);

    // DOM-based XSS.
    public static readonly RuleDefinition DomInjection = new("xss.dom_injection", F, 0.82, 0.52, 0.95,
        "creates a script or iframe element from script", Cwe, 588);

    public static readonly RuleDefinition DomSourceToSink = new("xss.dom_source_to_sink", F, 0.88, 0.58, 0.97,
        "attacker-controlled DOM source passed to a script sink", Cwe, 588);

    public static readonly RuleDefinition DomSinkAssignment = new("xss.dom_sink_assignment", F, 0.72, 0.42, 0.92,
        "HTML written into the DOM through innerHTML/outerHTML", Cwe, 588);

    public static readonly RuleDefinition LocationAssignment = new("xss.location_assignment", F, 0.8, 0.5, 0.95,
        "page location set to a script URL, another site or an attacker-controlled source", Cwe, 588);

    public static readonly RuleDefinition CookieExfiltration = new("xss.cookie_exfiltration", F, 0.85, 0.55, 0.95,
        "session cookie or document domain joined into a request", Cwe, 63);

    public static readonly RuleDefinition[] All =
    [
        ScriptTag, ScriptTagMention, ScriptEndTag, EventHandler, EmptyEventHandler, AttributeBreakout, ScriptUrlAttribute, Srcdoc,
        ActiveContentTag, BareActiveContentTag, CarrierTag, ExternalScriptResource, AnimatedAttribute, MetaHeader,
        MetaRefresh, RawtextBreakout, TemplateDirective, CssExpression, CssScriptUrl, SplitScriptScheme, ScriptUrl, ScriptSchemeMention, DataHtmlUrl,
        JsStringBreakout, JsSinkCall, InlineSinkCall, SinkAlias, ComputedSinkCall, FunctionConstructor,
        EncodedPayloadEval, DynamicImport, ConcatenatedSink, SymbolOnlyScript, ClientTemplate, DomInjection,
        DomSourceToSink, DomSinkAssignment, LocationAssignment, CookieExfiltration,
    ];
}
