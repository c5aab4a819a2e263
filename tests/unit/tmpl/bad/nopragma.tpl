<p>{{TITLE}}</p>
