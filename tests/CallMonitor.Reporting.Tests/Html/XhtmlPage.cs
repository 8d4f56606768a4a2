using System.Xml;
using System.Xml.Linq;

namespace CallMonitor.Reporting.Tests.Html;

/// <summary>Parses the report page as XML (it is written XHTML-style) so tests can query its elements.</summary>
internal static class XhtmlPage
{
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Parses <paramref name="html"/>; throws <see cref="XmlException"/> when a tag is not closed or text not escaped.</summary>
    public static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var text = new StringReader(html);
        using var reader = XmlReader.Create(text, settings);
        return XDocument.Load(reader);
    }

    public static XElement? ById(this XDocument page, string id) =>
        page.Descendants().FirstOrDefault(e => (string?)e.Attribute("id") == id);

    public static bool HasClass(this XElement element, string name) =>
        ((string?)element.Attribute("class"))?.Split(' ').Contains(name) == true;
}
