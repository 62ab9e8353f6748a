window.micrositeSearchIndex={"version":2,"count":3,"fold":{"from":"0rGize3cn1Pj5LHioUxIyRhjL","to":"内实广经贸资关项验黄"},"facets":"ABAACABBBA","page":"measures/%s.html","measures":[["第1項經驗","第1項的實施內容。第二句。"],["第2項經驗","第2項的實施內容。第二句。"],["第3項經驗","第3項的實施內容。第二句。"]]};
window.micrositeSearchStart&&micrositeSearchStart();
