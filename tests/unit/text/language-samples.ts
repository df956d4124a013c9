/**
 * Openings of news articles about AI companies' safety commitments, written for the language tests
 * in each language the word count knows (the English corpus in tests/fixtures is read as well).
 * About 150 to 250 words each: the length of an article's first paragraphs, under LANGUAGE_SAMPLE_CHARS.
 */

export const GERMAN = `Anthropic hat seine Richtlinie für verantwortungsvolle Skalierung grundlegend überarbeitet. In der neuen Fassung
verzichtet das Unternehmen auf die Zusage, das Training eines Modells zu pausieren, wenn die Schutzmaßnahmen nicht mit den
Fähigkeiten Schritt halten. Stattdessen soll ein interner Ausschuss über das weitere Vorgehen entscheiden. Kritiker sehen darin
einen Rückschritt: Die Selbstverpflichtung sei nur so viel wert wie der Wille, sie auch dann einzuhalten, wenn es teuer wird.
Auch OpenAI hat sein Rahmenwerk zur Vorsorge im vergangenen Jahr geändert. Das Unternehmen behält sich nun vor, die eigenen
Anforderungen anzupassen, falls ein Wettbewerber ein System mit hohem Risiko ohne vergleichbare Schutzmaßnahmen veröffentlicht.
Beide Firmen hatten sich im Mai 2024 auf dem Gipfel in Seoul verpflichtet, Sicherheitsrahmen zu veröffentlichen. In der EU gilt
seit August 2025 außerdem der Verhaltenskodex für KI-Modelle mit allgemeinem Verwendungszweck, den die meisten großen Anbieter
unterzeichnet haben. Ob die Zusagen halten, wird sich erst zeigen, wenn ein Modell die vereinbarten Schwellen tatsächlich
erreicht. Bis dahin bleibt vieles eine Frage des Vertrauens, sagen Fachleute, die die Entwicklung seit Jahren beobachten.`;

export const FRENCH = `Anthropic a profondément remanié sa politique de mise à l'échelle responsable. Dans la nouvelle version, l'entreprise
renonce à l'engagement de suspendre l'entraînement d'un modèle lorsque les mesures de sécurité ne suivent pas ses capacités.
C'est désormais un comité interne qui décidera de la suite. Pour les critiques, il s'agit d'un recul : un engagement volontaire
ne vaut que par la volonté de le tenir quand il devient coûteux. OpenAI a lui aussi modifié son cadre de préparation l'an
dernier. L'entreprise se réserve désormais le droit d'ajuster ses propres exigences si un concurrent publie un système à haut
risque sans garde-fous comparables. Les deux sociétés s'étaient engagées en mai 2024, lors du sommet de Séoul, à publier des
cadres de sécurité. Dans l'Union européenne, le code de bonnes pratiques pour les modèles d'IA à usage général est en vigueur
depuis août 2025, et la plupart des grands fournisseurs l'ont signé. On ne saura si ces promesses tiennent que le jour où un
modèle atteindra réellement les seuils convenus. D'ici là, tout reste une affaire de confiance, disent les spécialistes qui
suivent le secteur depuis des années.`;

export const SPANISH = `Anthropic ha revisado a fondo su política de escalado responsable. En la nueva versión, la empresa renuncia al
compromiso de pausar el entrenamiento de un modelo cuando las medidas de seguridad no estén a la altura de sus capacidades.
Ahora será un comité interno el que decida los siguientes pasos. Para los críticos se trata de un retroceso: un compromiso
voluntario solo vale lo que la voluntad de cumplirlo cuando resulta caro. OpenAI también cambió su marco de preparación el
año pasado. La compañía se reserva ahora el derecho de ajustar sus propios requisitos si un competidor lanza un sistema de alto
riesgo sin salvaguardas comparables. Ambas empresas se habían comprometido en mayo de 2024, en la cumbre de Seúl, a publicar
marcos de seguridad. En la Unión Europea está en vigor desde agosto de 2025 el código de buenas prácticas para los modelos de
IA de uso general, que la mayoría de los grandes proveedores ha firmado. Según los expertos que siguen el sector desde hace
años, solo se sabrá si las promesas se cumplen cuando un modelo alcance de verdad los umbrales acordados. Hasta entonces, todo
es una cuestión de confianza, y los reguladores tienen pocas herramientas para comprobarlo.`;

export const ITALIAN = `Anthropic ha rivisto a fondo la sua politica di scalabilità responsabile. Nella nuova versione l'azienda rinuncia
all'impegno di sospendere l'addestramento di un modello quando le misure di sicurezza non sono all'altezza delle sue capacità.
Sarà invece un comitato interno a decidere i passi successivi. Per i critici si tratta di un passo indietro: un impegno
volontario vale solo quanto la volontà di rispettarlo anche quando diventa costoso. Anche OpenAI ha modificato il proprio
quadro di preparazione lo scorso anno. L'azienda si riserva ora il diritto di adeguare i propri requisiti se un concorrente
rilascia un sistema ad alto rischio senza garanzie paragonabili. Entrambe le società si erano impegnate nel maggio 2024, al
vertice di Seul, a pubblicare quadri di sicurezza. Nell'Unione europea è in vigore da agosto 2025 il codice di buone pratiche
per i modelli di IA per finalità generali, che la maggior parte dei grandi fornitori ha firmato. Si saprà se queste promesse
reggono solo quando un modello raggiungerà davvero le soglie concordate. Fino ad allora, dicono gli esperti che seguono il
settore da anni, tutto resta una questione di fiducia, e questo è il punto più delicato.`;

export const DUTCH = `Anthropic heeft zijn beleid voor verantwoord opschalen grondig herzien. In de nieuwe versie ziet het bedrijf af van
de toezegging om de training van een model te pauzeren wanneer de veiligheidsmaatregelen de mogelijkheden niet bijhouden. In
plaats daarvan beslist een interne commissie over de volgende stappen. Critici zien daarin een stap terug: een vrijwillige
toezegging is maar zoveel waard als de wil om die ook na te komen wanneer het duur wordt. Ook OpenAI heeft vorig jaar zijn
raamwerk voor paraatheid aangepast. Het bedrijf behoudt zich nu het recht voor om de eigen eisen bij te stellen als een
concurrent een systeem met een hoog risico uitbrengt zonder vergelijkbare waarborgen. Beide bedrijven hadden zich in mei 2024
op de top in Seoul verplicht om veiligheidskaders te publiceren. In de Europese Unie geldt sinds augustus 2025 bovendien de
praktijkcode voor AI-modellen voor algemene doeleinden, die door de meeste grote aanbieders is ondertekend. Of de toezeggingen
standhouden, zal pas blijken wanneer een model de afgesproken drempels werkelijk bereikt. Tot die tijd blijft veel een kwestie
van vertrouwen, zeggen deskundigen die de sector al jaren volgen.`;

export const PORTUGUESE = `A Anthropic reviu a fundo a sua política de escalonamento responsável. Na nova versão, a empresa abdica do
compromisso de suspender o treino de um modelo quando as medidas de segurança não acompanham as suas capacidades. Agora será
um comitê interno a decidir os próximos passos. Para os críticos, isso é um retrocesso: um compromisso voluntário só vale
tanto quanto a vontade de cumpri-lo quando ele se torna caro. A OpenAI também mudou o seu quadro de preparação no ano passado.
A empresa reserva-se agora o direito de ajustar os seus próprios requisitos se um concorrente lançar um sistema de alto risco
sem salvaguardas comparáveis. As duas empresas tinham se comprometido em maio de 2024, na cúpula de Seul, a publicar quadros
de segurança. Na União Europeia está em vigor desde agosto de 2025 o código de boas práticas para os modelos de IA de uso
geral, que a maioria dos grandes fornecedores já assinou. Só se saberá se as promessas se mantêm quando um modelo atingir de
fato os limites acordados. Até lá, tudo continua a ser uma questão de confiança, disse um dos especialistas que acompanham o
setor há muitos anos, e isso não vai mudar tão cedo.`;

export const ENGLISH = `Anthropic has overhauled its Responsible Scaling Policy. In the new version, the company drops its pledge to pause
training a model when its safeguards do not keep pace with its capabilities. Instead, an internal committee will decide what
happens next. Critics see this as a step back: a voluntary commitment is only worth as much as the will to keep it when it
becomes expensive. OpenAI also changed its Preparedness Framework last year. The company now reserves the right to adjust its
own requirements if a rival releases a high-risk system without comparable safeguards. Both firms had committed at the Seoul
summit in May 2024 to publish safety frameworks. In the EU, the Code of Practice for general-purpose AI models has applied
since August 2025, and most of the large providers have signed it. Whether the pledges hold will only become clear when a model
actually reaches the agreed thresholds. Until then, much of it remains a matter of trust, say experts who have followed the
sector for years.`;

/** Languages the word count does not know, two of them sharing words with its lists: left undecided, not misnamed. */
export const POLISH = `Firma Anthropic gruntownie zmieniła swoją politykę odpowiedzialnego skalowania. W nowej wersji przedsiębiorstwo
rezygnuje z zobowiązania do wstrzymania trenowania modelu, gdy środki bezpieczeństwa nie nadążają za jego możliwościami.
Teraz o dalszych krokach ma decydować wewnętrzny komitet. Krytycy uważają to za krok wstecz: dobrowolne zobowiązanie jest
warte tyle, ile wola dotrzymania go, gdy staje się kosztowne. Również OpenAI zmieniło w ubiegłym roku swoje ramy gotowości.
Firma zastrzega sobie teraz prawo do dostosowania własnych wymagań, jeśli konkurent wypuści system wysokiego ryzyka bez
porównywalnych zabezpieczeń. Obie firmy zobowiązały się w maju 2024 roku na szczycie w Seulu do publikowania ram
bezpieczeństwa. W Unii Europejskiej od sierpnia 2025 roku obowiązuje kodeks postępowania dla modeli AI ogólnego
przeznaczenia, który podpisała większość dużych dostawców. To, czy obietnice się utrzymają, okaże się dopiero wtedy, gdy
model naprawdę osiągnie uzgodnione progi.`;

export const CATALAN = `Anthropic ha revisat a fons la seva política d'escalat responsable. En la nova versió, l'empresa renuncia al
compromís d'aturar l'entrenament d'un model quan les mesures de seguretat no estan a l'altura de les seves capacitats. Ara
serà un comitè intern el que decideixi els passos següents. Per als crítics es tracta d'un pas enrere: un compromís voluntari
només val el que val la voluntat de complir-lo quan resulta car. OpenAI també va canviar el seu marc de preparació l'any
passat. L'empresa es reserva ara el dret d'ajustar els seus propis requisits si un competidor llança un sistema d'alt risc
sense salvaguardes comparables. Totes dues empreses s'havien compromès el maig del 2024, a la cimera de Seül, a publicar
marcs de seguretat. A la Unió Europea és vigent des de l'agost del 2025 el codi de bones pràctiques per als models d'IA d'ús
general, que la majoria dels grans proveïdors ha signat.`;
