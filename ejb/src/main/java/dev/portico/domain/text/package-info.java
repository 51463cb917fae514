/** Text rules of the reference systems' Python, in one home: how names are case-folded and compared. */
package dev.portico.domain.text;
