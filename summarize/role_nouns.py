"""Spanish nouns that designate a person by role, office, trade or relation.

"El ministro", "la portavoz", "el entrenador" stand for a person the article is about;
"el mensaje", "la mesa", "el equipo" do not, though the parser makes them subjects of
verbs of saying just as well. The small model has no word senses, so the roles Spanish
news give people are listed here, in the masculine singular; feminine forms follow the
regular patterns (ministra, directora, alcaldesa, presidenta, jueza).
"""

from __future__ import annotations

from bitexto.summarize.quote_cues import plain
from bitexto.translate.language import Token

_ROLES = frozenset(plain(word) for word in """
    presidente vicepresidente expresidente ministro exministro secretario subsecretario
    portavoz vocero diputado eurodiputado senador parlamentario congresista legislador
    asambleísta alcalde exalcalde teniente concejal edil regidor consejero conseller
    delegado subdelegado gobernador canciller embajador cónsul diplomático mandatario jefe
    líder dirigente candidato aspirante titular responsable coordinador negociador mediador
    asesor consultor estratega ideólogo fundador cofundador militante activista sindicalista
    lehendakari president comisario comisionado defensor síndico procurador rey reina
    príncipe princesa monarca papa pontífice obispo arzobispo cardenal sacerdote cura imán
    rabino pastor fiscal juez magistrado abogado letrado jurista notario acusado procesado
    imputado investigado detenido condenado sospechoso testigo demandante denunciante
    querellante agente policía guardia militar general coronel comandante capitán teniente
    sargento soldado oficial almirante inspector subinspector director subdirector gerente
    administrador empresario ejecutivo propietario dueño patrón socio accionista inversor
    banquero economista analista experto especialista investigador científico profesor
    catedrático maestro docente rector decano estudiante alumno médico doctor enfermero
    cirujano psicólogo psiquiatra pediatra farmacéutico veterinario arquitecto ingeniero
    técnico entrenador seleccionador preparador jugador futbolista tenista ciclista piloto
    atleta deportista delantero portero centrocampista árbitro cantante artista actor actriz
    músico compositor guitarrista vocalista bajista bailarín cineasta escritor autor novelista poeta
    periodista reportero corresponsal presentador locutor columnista editor fotógrafo
    productor diseñador pintor escultor modelo chef cocinero camarero conductor vecino
    residente ciudadano votante manifestante trabajador empleado funcionario obrero
    agricultor ganadero pescador comerciante vendedor taxista migrante inmigrante refugiado
    superviviente familiar padre madre hijo hermano esposo esposa marido mujer viudo novio
    abuelo tío amigo compañero pareja hombre señor señora joven chico interlocutor sucesor
    antecesor predecesor rival oponente adversario aliado colaborador ayudante asistente
    representante enviado emisario observador relator ponente organizador promotor impulsor
    creador inventor heredero usuario cliente paciente víctima protagonista persona niño hincha
    aficionado seguidor duque conde
""".split())


def is_person_role(noun: Token) -> bool:
    """The noun names a person by what they are ("la portavoz", "el técnico")."""
    for word in {plain(noun.lemma or ""), plain(noun.text)}:
        if _is_role_word(word):
            return True
    return False


def _is_role_word(word: str) -> bool:
    if word in _ROLES:
        return True
    if word.endswith("s") and _is_role_word(word[:-1]):  # portavoces come through the lemma
        return True
    feminine = ((word.endswith("a") and word[:-1] + "o" in _ROLES)  # ministra
                or (word.endswith("ora") and word[:-1] in _ROLES)  # directora
                or (word.endswith("esa") and word[:-2] in _ROLES)  # alcaldesa
                or (word.endswith("ta") and word[:-1] + "e" in _ROLES)  # presidenta
                or (word.endswith("za") and word[:-1] in _ROLES))  # jueza
    return feminine
