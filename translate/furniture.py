"""The wording of page furniture: lines a news page prints around every article.

Each test reads one line's `plain()` form (lowercased, accents removed). They are the
generic vocabulary of news sites — buttons, widget labels, box titles, promos — never the
name of a site or of a section.

- `is_widget(plain)`: a button or widget of the page: share/follow/save/print/comment/
  report buttons, audio players, reading aids, counters, ad labels, login notices.
- `is_promo(plain)`: the site promoting itself: subscriptions, memberships, donations,
  newsletters, apps, social channels, Google News, cookie and copyright notices.
- `box_label(plain)`: the title of a box of links ("Te puede interesar", "Noticias
  relacionadas", "Temas", "Tags:", "Lo más visto", "Más en …"): what follows it is a list
  of other stories or of tags.
- `related_lead_in(plain)`: an inline link to another story with its lead-in ("Lea
  también: …", "PUEDES VER: …", "Nota relacionada: …").
"""

from __future__ import annotations

import re

_SOCIAL = (
    r"(?:facebook|twitter|x|instagram|tiktok|youtube|whatsapp|telegram|linkedin|threads|bluesky|"
    r"google news|google noticias|pinterest|messenger|reddit|flipboard|e-?mail|correo(?: electronico)?|mail)"
)

# A whole line that is one button or a row of them ("Facebook", "Twittear", "✉Email",
# "Compartir", "Imprimir", "Enviar por mail", "Reportar error", "Deja un comentario").
_BUTTON_WORD = (
    rf"{_SOCIAL}|twittear|tuitear|compartir(?: (?:en|noticia|nota|articulo|esta noticia|este articulo|por \w+))?|"
    r"comparte(?: (?:esta noticia|este articulo|esta nota|en \w+))?|comparta|"
    r"imprimir|impresion|version impresa|version para imprimir|guardar|guardado|seguir|siguiendo|dejar de seguir|"
    r"enviar(?: por (?:e-?mail|mail|correo|whatsapp))?|enviado|error|reportar(?: un)? error|reportar|denunciar|"
    r"rectificar|corregir|copiar(?: (?:link|enlace|url))?|copiado|enlace copiado|contactar|contacto|escribenos|"
    r"comentar|comentarios?|(?:deja|deje|dejar|escribe|escriba|agrega|añade) (?:un|tu|su) comentario|"
    r"ver(?: los)? comentarios|\d+ comentarios?|visitas|\d+ visitas|lecturas|"
    r"me gusta|reaccion(?:es)?|reacciona|escuchar|escuchar (?:nota|noticia|articulo)|pausar|reproducir|"
    r"ver mas|ver todo|ver todas|leer mas|cargar mas|mas noticias|ir arriba|volver arriba|ampliar|"
    r"galeria|ver galeria|ver fotos|ver video|play|tamaño de (?:letra|texto)|a\+|a-|aa"
)
_BUTTON_LINE = re.compile(rf"(?:(?:{_BUTTON_WORD})\s*[|/·•,]?\s*)+")

_WIDGET_START = re.compile(
    "|".join(
        (
            r"(?:escucha|escuche|escuchar|oye|oiga) (?:esta|este|la|el) (?:nota|noticia|articulo|podcast|audio)\b",
            r"(?:tiempo (?:estimado )?de lectura|lectura de \d+|\d+\s*(?:min|minutos?)\.? de lectura)\b",
            r"(?:debe|debes|necesitas|tienes que) (?:iniciar sesion|registrarte|estar registrad)",
            r"(?:inicia|iniciar) sesion\b|(?:para|solo para) suscriptores\b|contenido (?:exclusivo|premium)(?: para)?\b",
            r"(?:presentado|patrocinado|ofrecido) por\s*$",
            r"(?:publicidad|anuncio|patrocinado|contenido patrocinado|espacio publicitario|advertisement)\s*$",
            r"(?:anterior|siguiente|previous|next)\s*$",
            r"introduzca el texto|escriba (?:aqui|el texto)|cargando\b|loading\b",
            r"https?://\S+$|www\.\S+$",  # a bare address: an embed that did not load
        )
    )
)
_PROMO_START = re.compile(
    "|".join(
        (
            r"(?:haga|haz|hace|pulse|pulsa|presione|presiona|toque|toca|da|de|dar) (?:clic|click|tap)\b",
            r"(?:clic|click|pincha|pinche|toca|toque) aqui\b",
            r"(?:suscribete|suscribite|suscribase|suscribirse|suscripcion|registrate|registrese)\b",
            r"(?:siguenos|siganos|seguinos)\b",
            r"(?:comparte|comparta|compartir|compartí)(?: (?:en|este|esta|esto|la noticia|el articulo|por|con)\b|\s*:|\s*$)",
            rf"(?:sigue|siga|segui|seguir)\b.{{0,60}}\b(?:en|por|desde) {_SOCIAL}\b",
            r"(?:descarga|descargue|descargar|baja|obten|obtenga|instala|instale)\b.{0,40}\b(?:app|aplicacion)\b",
            r"(?:unete|unite|unase|sumate|sumese) (?:a|al)\b",
            r"(?:recibe|recibi|reciba) (?:nuestr|las (?:ultimas )?noticias|los boletines|el boletin|cada|gratis|alertas|en tu)",
            r"(?:apuntate|apuntese|inscribete|inscribase) (?:a|al|en)\b",
            r"(?:apoya|apoye|apoyanos|apoyenos|dona|done|hazte|hacete) (?:a |al |el |nuestro |nuestra |socio|miembro|ahora)",
            r"(?:dona|dona ahora|doname|boletines|newsletters?|membresia)\s*$",
            r"todos los derechos reservados|politica de (?:privacidad|cookies)|terminos y condiciones",
            r"copyright\b|\u00a9",
        )
    )
)
# Anywhere in a line: the site speaking to its reader about itself.
_PROMO_ANYWHERE = re.compile(
    r"\b(?:utiliza(?:mos)?|usa(?:mos)?|emplea(?:mos)?) (?:\w+ )?cookies\b|\baceptar? (?:las |todas las )?cookies\b"
    r"|todos los derechos reservados|\bnuestr[oa]s? (?:newsletters?|boletin(?:es)?|canal(?:es)?|redes sociales)\b"
    r"|canal de (?:whatsapp|telegram|youtube)|\bnuestra (?:app|aplicacion)\b|\bgoogle news\b"
    r"|\b(?:tu|su) (?:apoyo|membresia|suscripcion|donacion|aporte)\b|\bcon (?:cada|tu) (?:membresia|donacion|aporte)\b"
    r"|\bcomo se financia\b|\bcancel[ae] (?:cuando quieras|en cualquier momento)\b|\bsi (?:llegaste|has llegado) hasta (?:aca|aqui)\b"
    r"|\b(?:clic|click) (?:aqui|aca)\b|\bpara suscriptores\b|^(?:\w+ )?(?:te|los|les) necesita(?:mos)?\b"
)
# A reader appeal without a promo keyword: the site speaks to "you" about its own journalism.
_SECOND_PERSON = re.compile(r"\b(?:te|tu|tus|ti|vos|usted)\b|\b\w+(?:anos|enos|ate|ete|ite)\b")
_OWN_JOURNALISM = re.compile(r"\b(?:nuestro periodismo|nuestra (?:redaccion|comunidad)|periodismo (?:independiente|de calidad|libre|riguroso)|informacion rigurosa|nuestros lectores)\b")

_BOX_LABEL = re.compile(
    "|".join(
        (
            r"(?:lee|lea|lei|leer|mira|mire|ver|vea|ve|mas|tambien lea|tambien lee)(?: tambien| mas| ademas)?",
            r"(?:tambien )?(?:te|le|les) (?:puede|podria|pueden|podrian) interesar",
            r"(?:te|le) (?:recomendamos|sugerimos)|recomendad[oa]s|recomendamos|sugerencias",
            r"(?:noticias?|contenidos?|articulos?|notas?|temas?|historias?|videos?|lecturas?) (?:relacionad|recomendad|destacad|similar)[oa]?s?",
            r"relacionad[oa]s?|relacionad[oa]s? con (?:esta|este) (?:nota|noticia|articulo)",
            r"(?:temas|tags|etiquetas|palabras clave|claves|archivado en|categorias?|secciones|temas en esta nota)(?: -)?",
            r"(?:lo|los|las) (?:mas|ultimo|ultimas)(?: \w+){0,4}",
            r"mas (?:de|en|sobre|noticias de|leidas?|vistas?|visto|popular(?:es)?)(?: \w+){0,4}",
            r"otr[oa]s (?:noticias|notas|articulos)(?: \w+){0,4}",
            r"(?:segui|sigue|siga|seguir|continua|continue|continuar) leyendo",
            r"por si no (?:lo|la) (?:viste|leiste)|no te pierdas|te lo perdiste|imperdibles?",
            r"ultimas noticias|ultima hora|en portada|tendencias?|lo ultimo|mas informacion",
            r"(?:regist?rate|suscribete) para recibir(?: \w+){0,4}",
        )
    )
)
_BOX_LABEL_LINE = re.compile(rf"(?:{_BOX_LABEL.pattern})\s*(?:[:.…]+|\.\.\.)?\s*")
# "Temas" glued to the first tag ("TemasCorte Suprema…") or a box label glued to an item.
_GLUED_TAG_LABEL = re.compile(r"(?:Temas|Tags|TEMAS|TAGS|Etiquetas|Inicio|Portada|Home)(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")

_RELATED_LEAD_IN = re.compile(
    rf"(?:{_BOX_LABEL.pattern}|(?:nota|noticia|articulo) relacionad[oa]|puedes ver|podes ver|video recomendado|"
    r"mira tambien|lea ademas|te recomendamos|recomendado|en video|en contexto)\s*[:»>|\-–—]\s*\S"
)
_BRACKETED = re.compile(r"^\[.{8,}\]$")
# "Artículo anteriorLa lluvia…", "Nota siguiente: …": previous/next links (often glued).
_PREVIOUS_NEXT = re.compile(r"(?:articulo|nota|noticia|entrada|post) (?:anterior|siguiente)\s*:?\s*\S")


def is_widget(plain_line: str, text: str) -> bool:
    if not any(char.isalnum() for char in text):
        return True  # "⎙", "|", "/": icons and separators
    if len(plain_line) <= 60 and _BUTTON_LINE.fullmatch(_strip_icons(plain_line)):
        return True
    return len(plain_line) <= 160 and bool(_WIDGET_START.match(_strip_icons(plain_line)))


def is_promo(plain_line: str) -> bool:
    if len(plain_line) > 600:
        return False
    line = _strip_icons(plain_line)
    if _PROMO_START.match(line) or _PROMO_ANYWHERE.search(line):
        return True
    return bool(_OWN_JOURNALISM.search(line) and _SECOND_PERSON.search(line))


def box_label(plain_line: str) -> bool:
    return len(plain_line) <= 60 and bool(_BOX_LABEL_LINE.fullmatch(_strip_icons(plain_line)))


# "Avión /Guatemala /Ilegalidad /Ministerio Público": tags printed in a row with separators.
_TAG_ROW = re.compile(r"[^/|·•,.;:!?]{2,40}(?:\s*[/|·•]\s*[^/|·•,.;:!?]{2,40}){2,}")


def tag_row(text: str) -> bool:
    return len(text) <= 200 and bool(_TAG_ROW.fullmatch(text)) and all(
        part.strip()[:1].isupper() or part.strip()[:1].isdigit() for part in re.split(r"[/|·•]", text) if part.strip()
    )


def glued_tag_label(text: str) -> bool:
    """ "TemasCorte Suprema…", "InicioMundo…": a label glued to the links after it."""
    return bool(_GLUED_TAG_LABEL.match(text))


def related_lead_in(plain_line: str, text: str) -> bool:
    line = _strip_icons(plain_line)
    return len(text) <= 300 and bool(_RELATED_LEAD_IN.match(line) or _PREVIOUS_NEXT.match(line) or _BRACKETED.match(text))


def _strip_icons(plain_line: str) -> str:
    """Icon glyphs and emoji some widgets paste before their label ("✉Email", "💬Ver")."""
    return re.sub(r"^[^\w¿¡«\"“(\[]+", "", plain_line).rstrip()
