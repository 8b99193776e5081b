/**
 * Item response theory: items' discrimination and difficulty calibrated in batch by marginal
 * maximum likelihood (1PL and 2PL, Bock and Aitkin 1981), and a student's ability posterior on a
 * grid (EAP, Bock and Mislevy 1982) that computerized adaptive testing and the offline evaluation
 * use. Pure maths, no Spring.
 */
@NullMarked
package org.studyloop.mastery.irt;

import org.jspecify.annotations.NullMarked;
